package io.leakwatch.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactedUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://localhost:4318|http://localhost:4318",
        "https://collector.example.com:4318/otlp/v1/metrics|https://collector.example.com:4318/otlp/v1/metrics",
        "http://user:password@host/|http://***@host/",
        "http://user@host:4318|http://***@host:4318",
        "http://user:p@ss/word@host:4318/v1|http://***@host:4318/v1",
        "https://host/otlp?api_key=secret&tenant=a1|https://host/otlp?api_key=***&tenant=***",
        "https://host/?token|https://host/?***",
        "https://host/?a=1;b=2&&c=|https://host/?a=***;b=***&&c=***",
        "https://u:p@host/p?k=v#frag|https://***@host/p?k=***#***",
        "https://host/p#secret|https://host/p#***",
        "user:password@host:4318?k=v|***@host:4318?k=***",
        "not a url|not a url",
        "''|''",
    })
    void masksCredentialsAndQueryValues(String url, String shown) {
        assertEquals(shown, RedactedUrl.of(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Failed to connect to http://u:pw@host:4318/v1/metrics?key=k now|Failed to connect to http://***@host:4318/v1/metrics?key=*** now",
        "OTLP endpoint must be a valid URL: xhttp://a:b@c and https://d/?e=f.|OTLP endpoint must be a valid URL: xhttp://***@c and https://d/?e=***",
        "no url here|no url here",
        "'quoted \"https://h/?k=v\" text'|'quoted \"https://h/?k=***\" text'",
        ":// alone|:// alone",
    })
    void masksEveryUrlInAText(String text, String shown) {
        assertEquals(shown, RedactedUrl.inText(text));
    }

    @Test
    void namesThePartsItMasks() {
        assertEquals(List.of("u:p", "a=1&b", "1", "b", "frag"), RedactedUrl.secretParts("https://u:p@h:1/x?a=1&b#frag"));
        assertEquals(List.of(), RedactedUrl.secretParts("http://localhost:4318/v1/metrics"));
    }
}
