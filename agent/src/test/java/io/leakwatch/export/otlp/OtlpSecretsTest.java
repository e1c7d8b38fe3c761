package io.leakwatch.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OtlpSecretsTest {

    @Test
    void headerValuesAreMaskedAsWrittenAndDecoded() {
        OtlpSecrets secrets = OtlpSecrets.of(Map.of("otel.exporter.otlp.metrics.headers", "x-tenant=acme-prod"),
                Map.of("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20abc.def,x-api-key= k3y-value "));
        assertEquals("Invalid map property: otel.exporter.otlp.headers=***",
                secrets.mask("Invalid map property: otel.exporter.otlp.headers=Authorization=Bearer%20abc.def,x-api-key= k3y-value "));
        assertEquals("sent Authorization: *** and *** to tenant ***",
                secrets.mask("sent Authorization: Bearer abc.def and k3y-value to tenant acme-prod"));
    }

    @Test
    void aMalformedHeaderSettingIsMaskedWhole() {
        OtlpSecrets secrets = OtlpSecrets.of(Map.of(), Map.of("OTEL_EXPORTER_OTLP_HEADERS", "Authorization s3cr3t"));
        assertEquals("Invalid map property: otel.exporter.otlp.headers=***",
                secrets.mask("Invalid map property: otel.exporter.otlp.headers=Authorization s3cr3t"));
    }

    @Test
    void endpointsAreShownWithoutCredentialsEvenWithoutAScheme() {
        OtlpSecrets secrets = OtlpSecrets.of(Map.of("otel.exporter.otlp.endpoint", "user:pw-1234@collector:4318"), Map.of());
        assertEquals("Invalid endpoint, must start with http:// or https://: ***@collector:4318",
                secrets.mask("Invalid endpoint, must start with http:// or https://: user:pw-1234@collector:4318"));
        assertEquals("to http://***@h/?k=***", secrets.mask("to http://a:b@h/?k=v"));

        OtlpSecrets query = OtlpSecrets.of(Map.of(),
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "https://h:4318/?api_key=k3y-value&x=abcd#fragment"));
        assertEquals("OTLP endpoint must not have a query string: ***",
                query.mask("OTLP endpoint must not have a query string: api_key=k3y-value&x=abcd"));
        assertEquals("saw ***, *** and ***", query.mask("saw k3y-value, abcd and fragment"));
    }

    @Test
    void aSecretCutOffAtTheEndOfAShortenedMessageIsMaskedToo() {
        OtlpSecrets secrets = OtlpSecrets.of(Map.of(), Map.of("OTEL_EXPORTER_OTLP_HEADERS", "api-key=abcdefghijklmnop"));
        assertEquals("rejected key ***...", secrets.mask("rejected key abcdefgh..."));
        assertEquals("rejected key abc...", secrets.mask("rejected key abc..."), "too short to tell");
    }

    @Test
    void shortValuesAndOtherSettingsAreLeftAlone() {
        OtlpSecrets secrets = OtlpSecrets.of(Map.of("otel.service.name", "payment", "user.name", "payment"),
                Map.of("OTEL_EXPORTER_OTLP_HEADERS", "a=1", "PATH", "/usr/bin"));
        assertEquals("payment a=1 /usr/bin", secrets.mask("payment a=1 /usr/bin"));
    }

    @Test
    void theResultIsOneShortLine() {
        OtlpSecrets secrets = OtlpSecrets.of(Map.of(), Map.of());
        String masked = secrets.mask("line\nbreak \u001b[31m" + "z".repeat(10_000));
        assertFalse(masked.contains("\n") || masked.contains("\u001b"), masked);
        assertTrue(masked.length() < OtlpSecrets.MAX_MESSAGE_CHARS + 40, masked);
    }
}
