package uk.csc.workflow.referral;

/** NHS number check digit (modulus 11, weights 10 to 2). */
final class NhsNumber {

    private NhsNumber() {
    }

    static boolean isValid(String number) {
        if (number == null || !number.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (number.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == number.charAt(9) - '0';
    }
}
