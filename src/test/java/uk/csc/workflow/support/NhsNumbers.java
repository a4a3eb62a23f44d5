package uk.csc.workflow.support;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid NHS numbers (modulus 11 check digit), a new one each call. Test children carry one, so
 * the front door's duplicate check never takes two children of different tests for one child
 * (test drivers give every child the same date of birth and similar made-up names).
 */
public final class NhsNumbers {

    private static final AtomicLong NEXT = new AtomicLong(600_000_000L + (System.nanoTime() % 100_000_000L));

    private NhsNumbers() {
    }

    public static String next() {
        while (true) {
            String digits = Long.toString(NEXT.getAndIncrement());
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return digits + check;
            }
        }
    }
}
