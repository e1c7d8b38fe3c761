package com.acme.payment;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.regex.Pattern;

/** Reads and validates the JSON body of {@code POST /checkout} into an {@link Order}. */
public final class OrderParser {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CARD_NUMBER = Pattern.compile("\\d{12,19}");
    private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])/\\d{2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_TEXT_LENGTH = 512;
    private static final String AMOUNT_CENTS = "amountCents";
    private static final String NOT_ONE_OBJECT = "the body must be one JSON object";

    /**
     * Strict where Jackson's defaults are lenient, because an order that can be read two ways is an order we
     * must not charge: they would read {@code 19.99} as 19 cents, {@code "1999"} as a number and {@code 42} as
     * text, keep the last of a key given twice and ignore text after the object. Fields this service does not
     * use are ignored: shops send more than we need.
     */
    private static final ObjectReader REQUESTS = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build()
            .readerFor(CheckoutRequest.class);

    private OrderParser() {
    }

    /** Parses {@code json}, naming the first field that is missing or malformed. */
    public static Order parse(String json) throws InvalidOrderException {
        CheckoutRequest request;
        try {
            request = REQUESTS.readValue(json);
        } catch (JacksonException e) {
            throw rejection(e);
        }
        if (request == null) {
            throw new InvalidOrderException(NOT_ONE_OBJECT);
        }
        if (request.amountCents() == null) {
            throw new InvalidOrderException("field '" + AMOUNT_CENTS + "' is required");
        }
        long amountCents = request.amountCents();
        if (amountCents <= 0) {
            throw new InvalidOrderException("field '" + AMOUNT_CENTS + "' must be greater than zero");
        }
        // Card numbers are often typed with spaces; the card networks' digits are what count.
        String cardNumber = required("cardNumber", request.cardNumber()).replace(" ", "");
        return new Order(
                required("orderId", request.orderId()),
                required("customerId", request.customerId()),
                required("merchantId", request.merchantId()),
                amountCents,
                matching("currency", required("currency", request.currency()), CURRENCY, "a three-letter ISO code"),
                matching("cardNumber", cardNumber, CARD_NUMBER, "12 to 19 digits"),
                matching("cardExpiry", required("cardExpiry", request.cardExpiry()), EXPIRY, "MM/YY"),
                optional("email", request.email()),
                optional("ipAddress", request.ipAddress()),
                optional("userAgent", request.userAgent()),
                optionalCountry("billingCountry", request.billingCountry()),
                optionalCountry("shippingCountry", request.shippingCountry()));
    }

    /** What to tell the shop about a body Jackson could not read: the field at fault, or where the JSON breaks. */
    private static InvalidOrderException rejection(JacksonException e) {
        // A broken string inside a field's value surfaces while that field is bound; it is still broken JSON.
        JacksonException problem = e.getCause() instanceof JsonParseException syntax ? syntax : e;
        if (problem instanceof JsonMappingException binding) {
            if (binding.getPath().isEmpty()) {
                // An empty body, an array or a bare value, or text after the object.
                return new InvalidOrderException(NOT_ONE_OBJECT);
            }
            String field = binding.getPath().get(0).getFieldName();
            // Every field but the amount is text.
            String expected = AMOUNT_CENTS.equals(field) ? "a whole number of minor units" : "a string";
            return new InvalidOrderException("field '" + field + "' must be " + expected);
        }
        JsonLocation where = problem.getLocation();
        return new InvalidOrderException("malformed JSON: " + problem.getOriginalMessage() + " at line "
                + where.getLineNr() + ", column " + where.getColumnNr());
    }

    private static String required(String name, String value) throws InvalidOrderException {
        String text = optional(name, value);
        if (text.isBlank()) {
            throw new InvalidOrderException("field '" + name + "' is required");
        }
        return text;
    }

    private static String optional(String name, String value) throws InvalidOrderException {
        if (value == null) {
            return "";
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InvalidOrderException("field '" + name + "' is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return value;
    }

    private static String optionalCountry(String name, String value) throws InvalidOrderException {
        String text = optional(name, value);
        return text.isEmpty() ? text : matching(name, text, COUNTRY, "a two-letter ISO code");
    }

    private static String matching(String name, String value, Pattern form, String expected)
            throws InvalidOrderException {
        if (!form.matcher(value).matches()) {
            throw new InvalidOrderException("field '" + name + "' must be " + expected);
        }
        return value;
    }
}
