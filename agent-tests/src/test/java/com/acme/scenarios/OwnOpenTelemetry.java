package com.acme.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;

/**
 * An application that bundles its own OpenTelemetry SDK, registers it as the global one, and counts
 * its checkouts to the OTLP endpoint given as its argument, while a field of it leaks.
 */
public final class OwnOpenTelemetry {

    static final List<String> RECENT_ORDERS = new ArrayList<>();

    public static void main(String[] args) throws InterruptedException {
        SdkMeterProvider meters = SdkMeterProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(
                        Attributes.of(AttributeKey.stringKey("service.name"), "shop-own-sdk"))))
                .registerMetricReader(PeriodicMetricReader.builder(OtlpHttpMetricExporter.builder()
                                .setEndpoint(args[0] + "/v1/metrics").build())
                        .setInterval(Duration.ofSeconds(1)).build())
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setMeterProvider(meters).buildAndRegisterGlobal();
        System.out.println("global is own: " + (GlobalOpenTelemetry.get().getMeterProvider() == sdk.getMeterProvider()));
        LongCounter checkouts = GlobalOpenTelemetry.getMeter("com.acme.shop").counterBuilder("shop.checkouts").build();
        System.out.println("started");
        for (int order = 0; ; order++) {
            checkouts.add(1);
            for (int i = 0; i < 40; i++) {
                RECENT_ORDERS.add("order-" + order + "-" + i);
            }
            Thread.sleep(10);
        }
    }
}
