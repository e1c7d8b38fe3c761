package io.leakwatch.report;

/** One alert of the events file, as far as the report shows it. */
public final class ReportAlert {

    private final long timeMillis;
    private final String severity;
    private final String kind;
    private final String subject;

    /** @param subject the alert's {@code site}, or its {@code pool} for the kinds about a pool */
    public ReportAlert(long timeMillis, String severity, String kind, String subject) {
        this.timeMillis = timeMillis;
        this.severity = severity;
        this.kind = kind;
        this.subject = subject;
    }

    public long timeMillis() {
        return timeMillis;
    }

    /** {@code WARNING}, {@code CRITICAL} or {@code RESOLVED}. */
    public String severity() {
        return severity;
    }

    public String kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    boolean isAbout(String alertKind, String alertSubject) {
        return kind.equals(alertKind) && subject.equals(alertSubject);
    }
}
