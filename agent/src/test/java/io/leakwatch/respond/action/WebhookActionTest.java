package io.leakwatch.respond.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;
import io.leakwatch.respond.action.ActionOutcome.Failure;

class WebhookActionTest {

    private static final URI HOOK = URI.create("https://hooks.example/leak?token=s3cret");

    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<String> keysSent = new ArrayList<>();
    private final List<String> bodiesSent = new ArrayList<>();
    private final List<Long> pauses = new ArrayList<>();
    private final WebhookSender sender = (uri, json, key) -> {
        assertEquals(HOOK, uri);
        keysSent.add(key);
        bodiesSent.add(json);
        Object answer = answers.removeFirst();
        if (answer instanceof IOException) {
            throw (IOException) answer;
        }
        return (Integer) answer;
    };
    private final WebhookAction action = new WebhookAction(HOOK, sender, new WebhookRetryPolicy(3, 1000),
            pauses::add);
    private final ActionRequest request = ActionRequest.of(
            Alert.builder(Instant.EPOCH, Severity.CRITICAL, AlertKind.CONTAINER).site("com.acme.A#f").size(9).build(),
            "key-1", 77);

    @Test
    void aReceiverThatKeepsAnswering503IsTriedThreeTimesWithTheSameKeyThenGivenUp() {
        answers.addAll(List.of(503, 503, 503));

        ActionOutcome outcome = action.run(request);

        assertEquals(Failure.GAVE_UP, outcome.failure());
        assertTrue(outcome.detail().contains("3 attempts") && outcome.detail().contains("503"), outcome.detail());
        assertEquals(List.of("key-1", "key-1", "key-1"), keysSent);
        assertEquals(List.of(request.json(), request.json(), request.json()), bodiesSent);
        assertEquals(List.of(1000L, 2000L), pauses, "doubling back-off between attempts, none after the last");
    }

    @Test
    void noAnswerAndTooManyRequestsAreTriedAgainUntilOneSucceeds() {
        answers.addAll(List.of(new ConnectException("Connection refused: hooks.example?token=s3cret"), 429, 202));

        ActionOutcome outcome = action.run(request);

        assertTrue(outcome.succeeded(), outcome::toString);
        assertEquals(3, keysSent.size());
    }

    @Test
    void whatIsReportedNeverQuotesTheExceptionWhichMayHoldTheToken() {
        answers.addAll(List.of(new ConnectException("token=s3cret"), new ConnectException("token=s3cret"),
                new ConnectException("token=s3cret")));

        ActionOutcome outcome = action.run(request);

        assertEquals(Failure.GAVE_UP, outcome.failure());
        assertFalse(outcome.detail().contains("s3cret"), outcome.detail());
        assertTrue(outcome.detail().contains("java.net.ConnectException"), outcome.detail());
    }

    @Test
    void aRefusalIsFinalAndASuccessEndsAtOnce() {
        answers.add(400);
        assertEquals(Failure.REFUSED, action.run(request).failure());
        assertEquals(1, keysSent.size());

        answers.add(200);
        assertTrue(action.run(request).succeeded());
        assertEquals(2, keysSent.size());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void theRetryPolicyRetriesServerErrorsAndTooManyRequestsOnly() {
        assertTrue(WebhookRetryPolicy.worthRetrying(500));
        assertTrue(WebhookRetryPolicy.worthRetrying(503));
        assertTrue(WebhookRetryPolicy.worthRetrying(429));
        assertFalse(WebhookRetryPolicy.worthRetrying(404));
        assertFalse(WebhookRetryPolicy.worthRetrying(409));
        assertFalse(WebhookRetryPolicy.worthRetrying(301));
        assertTrue(WebhookRetryPolicy.succeeded(204));
        assertFalse(WebhookRetryPolicy.succeeded(302));
        WebhookRetryPolicy policy = new WebhookRetryPolicy(3, 1000);
        assertTrue(policy.mayRetryAfter(2));
        assertFalse(policy.mayRetryAfter(3));
        assertEquals(4000, policy.backoffMillisAfter(3));
    }
}
