package io.leakwatch.analysis;

/** An alert's level; RESOLVED closes the WARNING or CRITICAL before it. */
public enum Severity { WARNING, CRITICAL, RESOLVED }
