namespace PatientForum.Web.Features.Safety;

/// <summary>
/// The check-digit schemes of the identifiers the personal information check recognises. A number that fails its
/// scheme is most likely something else (a reference, a count), so it is not reported as that identifier.
/// </summary>
public static class CheckDigits
{
    /// <summary>NHS number (England, Wales, Isle of Man) and CHI number (Scotland): 10 digits, modulus 11.</summary>
    public static bool IsValidNhsNumber(string text)
    {
        var digits = Digits(text);
        if (digits.Length != 10)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }
        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }
        // A remainder that gives 10 is never issued.
        return check != 10 && check == digits[9];
    }

    /// <summary>Payment card numbers: 13 to 19 digits passing the Luhn check.</summary>
    public static bool PassesLuhn(string text)
    {
        var digits = Digits(text);
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /// <summary>
    /// US Social Security (and ITIN) numbers have no check digit, only a structure: area 001-899 except 666, group
    /// 01-99 and serial 0001-9999; areas 900-999 are ITINs, whose group is 50-65, 70-88, 90-92 or 94-99.
    /// </summary>
    public static bool IsPlausibleSocialSecurityNumber(string text)
    {
        var digits = Digits(text);
        if (digits.Length != 9)
        {
            return false;
        }
        var area = (digits[0] * 100) + (digits[1] * 10) + digits[2];
        var group = (digits[3] * 10) + digits[4];
        var serial = (digits[5] * 1000) + (digits[6] * 100) + (digits[7] * 10) + digits[8];
        if (area == 0 || area == 666 || group == 0 || serial == 0)
        {
            return false;
        }
        return area < 900 || group is (>= 50 and <= 65) or (>= 70 and <= 88) or (>= 90 and <= 92) or >= 94;
    }

    /// <summary>Irish Personal Public Service number: 7 digits and a check letter (modulus 23), maybe a second letter.</summary>
    public static bool IsValidPpsNumber(string text)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length is < 8 or > 9 || !compact[..7].All(char.IsAsciiDigit) || !compact[7..].All(char.IsAsciiLetterUpper))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            sum += (compact[i] - '0') * (8 - i);
        }
        if (compact.Length == 9 && compact[8] != 'W')
        {
            sum += (compact[8] - 'A' + 1) * 9;
        }
        var remainder = sum % 23;
        var expected = remainder == 0 ? 'W' : (char)('A' + remainder - 1);
        return compact[7] == expected;
    }

    private static int[] Digits(string text) => text.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
}
