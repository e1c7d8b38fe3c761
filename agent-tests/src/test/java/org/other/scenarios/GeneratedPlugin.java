package org.other.scenarios;

/**
 * The class {@link ClassLoaderShapes} defines again and again, each time in a fresh loader, as a plugin
 * framework, a template engine or a proxy generator would: about 14 KB of class metadata per copy.
 */
public final class GeneratedPlugin {

    private GeneratedPlugin() {
    }

    public static String render(String template, int count) {
        StringBuilder out = new StringBuilder(template);
        for (int i = 0; i < count; i++) {
            out.append("render-").append(i * 3);
        }
        return out.toString();
    }

    public static long checksum(byte[] data) {
        long sum = 17;
        for (byte b : data) {
            sum = sum * 31 + b;
        }
        return sum;
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    public static int[] histogram(int[] values, int buckets) {
        int[] counts = new int[buckets];
        for (int value : values) {
            counts[Math.floorMod(value, buckets)]++;
        }
        return counts;
    }

    public static String describe(Object value) {
        if (value instanceof String) {
            return "string:" + value;
        } else if (value instanceof Integer) {
            return "int:" + value;
        } else if (value instanceof Long) {
            return "long:" + value;
        }
        return "other:" + value;
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    public static String join(String[] parts, String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(parts[i]);
        }
        return out.toString();
    }

    public static boolean isPalindrome(String text) {
        for (int i = 0, j = text.length() - 1; i < j; i++, j--) {
            if (text.charAt(i) != text.charAt(j)) {
                return false;
            }
        }
        return true;
    }
}
