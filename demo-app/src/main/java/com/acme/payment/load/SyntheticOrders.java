package com.acme.payment.load;

import com.acme.payment.Order;
import com.acme.payment.card.Luhn;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.SplittableRandom;

/**
 * Invents a realistic stream of checkout requests: many customers and merchants, a few declined test
 * cards, a few risky orders, and clients that now and then retry a request with the same idempotency key.
 * Not thread-safe: one generator thread draws from it.
 */
public final class SyntheticOrders {
    /** The usual sandbox card numbers that issuers decline ("do not honour", "insufficient funds"). */
    private static final String[] DECLINED_CARDS = {"4000000000000002", "4000000000009995"};
    private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "USD", "GBP"};
    private static final String[] COUNTRIES = {"DE", "FR", "NL", "IT", "ES", "GB", "US"};
    private static final String[] EMAIL_DOMAINS = {"example.com", "example.org", "mail.example", "shop.example"};
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
    };
    private static final int CUSTOMERS = 200_000;
    private static final int MERCHANTS = 40;
    /** How many recent requests a retry may repeat; clients retry soon after a failure, not hours later. */
    private static final int RETRY_WINDOW = 64;
    private static final double RETRY_SHARE = 0.03;
    private static final double DECLINED_CARD_SHARE = 0.02;
    private static final double RISKY_SHARE = 0.02;
    /** The generator is a client of the service, so it has a mapper of its own; an {@link Order} is what shops send. */
    private static final ObjectWriter JSON = new ObjectMapper().writer();

    private final SplittableRandom random;
    private final String runId;
    private final PlannedRequest[] recent = new PlannedRequest[RETRY_WINDOW];
    private long sequence;

    /**
     * @param seed makes the stream reproducible
     * @param runId keeps order ids and keys unique across runs against the same server
     */
    public SyntheticOrders(long seed, String runId) {
        this.random = new SplittableRandom(seed);
        this.runId = runId;
    }

    /** The next request to send: usually a new order, sometimes a retry of a recent one. */
    public PlannedRequest next() {
        if (sequence >= RETRY_WINDOW && random.nextDouble() < RETRY_SHARE) {
            return recent[random.nextInt(RETRY_WINDOW)];
        }
        long number = ++sequence;
        PlannedRequest request = new PlannedRequest("key-" + runId + "-" + number, order("ord-" + runId + "-" + number));
        recent[(int) (number % RETRY_WINDOW)] = request;
        return request;
    }

    private String order(String orderId) {
        int customer = random.nextInt(CUSTOMERS);
        boolean risky = random.nextDouble() < RISKY_SHARE;
        String billingCountry = pick(COUNTRIES);
        // Risky orders ship abroad and are large, the pattern the fraud model weighs most.
        String shippingCountry = risky ? pick(COUNTRIES) : billingCountry;
        long amountCents = risky ? 100_000 + random.nextInt(300_000) : 199 + random.nextInt(20_000);
        int merchant = random.nextInt(MERCHANTS);
        String currency = pick(CURRENCIES);
        String cardNumber = cardNumber();
        String cardExpiry = String.format("%02d/%02d", 1 + random.nextInt(12), 28 + random.nextInt(5));
        String ipAddress = "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        Order order = new Order(orderId, "cust-" + customer, String.format("merchant-%04d", merchant), amountCents,
                currency, cardNumber, cardExpiry,
                "customer" + customer + "@" + EMAIL_DOMAINS[customer % EMAIL_DOMAINS.length], ipAddress,
                USER_AGENTS[customer % USER_AGENTS.length], billingCountry, shippingCountry);
        try {
            return JSON.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an order of plain text and a number always serialises", e);
        }
    }

    private String cardNumber() {
        if (random.nextDouble() < DECLINED_CARD_SHARE) {
            return pick(DECLINED_CARDS);
        }
        StringBuilder digits = new StringBuilder("4");
        for (int i = 0; i < 14; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.append(Luhn.checkDigit(digits)).toString();
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
