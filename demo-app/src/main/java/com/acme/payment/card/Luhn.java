package com.acme.payment.card;

/** The checksum every payment card number carries, catching most typing errors. */
public final class Luhn {

    private Luhn() {
    }

    /** Whether a string of digits ends in a valid Luhn check digit. */
    public static boolean isValid(CharSequence digits) {
        return weightedSum(digits, false) % 10 == 0;
    }

    /** The digit that makes {@code payload} followed by that digit valid. */
    public static int checkDigit(CharSequence payload) {
        return (10 - weightedSum(payload, true) % 10) % 10;
    }

    /** Sums the digits from the right, doubling every second one (the rightmost too when asked). */
    private static int weightedSum(CharSequence digits, boolean doubleRightmost) {
        int sum = 0;
        boolean doubleIt = doubleRightmost;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum;
    }
}
