package com.acme.payment;

import com.acme.payment.json.JsonException;
import com.acme.payment.json.JsonReader;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and validates the JSON body of {@code POST /checkout} into an {@link Order}. */
public final class OrderParser {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CARD_NUMBER = Pattern.compile("\\d{12,19}");
    private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])/\\d{2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_TEXT_LENGTH = 512;

    private OrderParser() {
    }

    /** Parses {@code json}, naming the first field that is missing or malformed. */
    public static Order parse(String json) throws InvalidOrderException {
        Map<String, Object> fields;
        try {
            fields = JsonReader.readFlatObject(json);
        } catch (JsonException e) {
            throw new InvalidOrderException("malformed JSON: " + e.getMessage());
        }
        long amountCents = requiredLong(fields, "amountCents");
        if (amountCents <= 0) {
            throw new InvalidOrderException("field 'amountCents' must be greater than zero");
        }
        // Card numbers are often typed with spaces; the card networks' digits are what count.
        String cardNumber = requiredText(fields, "cardNumber").replace(" ", "");
        return new Order(
                requiredText(fields, "orderId"),
                requiredText(fields, "customerId"),
                requiredText(fields, "merchantId"),
                amountCents,
                matching("currency", requiredText(fields, "currency"), CURRENCY, "a three-letter ISO code"),
                matching("cardNumber", cardNumber, CARD_NUMBER, "12 to 19 digits"),
                matching("cardExpiry", requiredText(fields, "cardExpiry"), EXPIRY, "MM/YY"),
                optionalText(fields, "email"),
                optionalText(fields, "ipAddress"),
                optionalText(fields, "userAgent"),
                optionalCountry(fields, "billingCountry"),
                optionalCountry(fields, "shippingCountry"));
    }

    private static String requiredText(Map<String, Object> fields, String name) throws InvalidOrderException {
        String value = optionalText(fields, name);
        if (value.isBlank()) {
            throw new InvalidOrderException("field '" + name + "' is required");
        }
        return value;
    }

    private static String optionalText(Map<String, Object> fields, String name) throws InvalidOrderException {
        Object value = fields.get(name);
        if (value == null) {
            return "";
        }
        if (!(value instanceof String text)) {
            throw new InvalidOrderException("field '" + name + "' must be a string");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidOrderException("field '" + name + "' is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    private static long requiredLong(Map<String, Object> fields, String name) throws InvalidOrderException {
        Object value = fields.get(name);
        if (value == null) {
            throw new InvalidOrderException("field '" + name + "' is required");
        }
        if (!(value instanceof Long number)) {
            throw new InvalidOrderException("field '" + name + "' must be a whole number of minor units");
        }
        return number;
    }

    private static String optionalCountry(Map<String, Object> fields, String name) throws InvalidOrderException {
        String value = optionalText(fields, name);
        return value.isEmpty() ? value : matching(name, value, COUNTRY, "a two-letter ISO code");
    }

    private static String matching(String name, String value, Pattern form, String expected)
            throws InvalidOrderException {
        if (!form.matcher(value).matches()) {
            throw new InvalidOrderException("field '" + name + "' must be " + expected);
        }
        return value;
    }
}
