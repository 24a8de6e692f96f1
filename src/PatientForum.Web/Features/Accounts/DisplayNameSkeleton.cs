using System.Collections.Frozen;
using System.Text;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// A display name's confusable skeleton, after Unicode's UTS #39 (section 4, "Confusable Detection"): compatibility
/// forms folded (NFKC), case folded, then look-alikes mapped to one letter. NuGet offers no maintained UTS #39
/// implementation, so the table below holds the common cases from Unicode's confusables.txt (Cyrillic and Greek
/// letters that look Latin, and the digits 0 and 1), not the whole file. Two names with one skeleton are one name.
/// </summary>
public static class DisplayNameSkeleton
{
    // Lower case only: names are case folded first. i, l, I and 1 all become l (I folds to i; confusables.txt maps
    // I and 1 to l); 0 and o become o.
    private static readonly FrozenDictionary<char, char> s_lookAlikes = new Dictionary<char, char>
    {
        ['0'] = 'o', ['1'] = 'l', ['i'] = 'l', ['|'] = 'l',

        // Cyrillic.
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['һ'] = 'h', ['н'] = 'h', ['і'] = 'l', ['ӏ'] = 'l', ['ј'] = 'j', ['к'] = 'k',
        ['м'] = 'm', ['о'] = 'o', ['р'] = 'p', ['ԛ'] = 'q', ['ѕ'] = 's', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['ԁ'] = 'd',
        ['ԝ'] = 'w', ['с'] = 'c',

        // Greek.
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'l', ['κ'] = 'k', ['μ'] = 'm', ['ν'] = 'v', ['ο'] = 'o',
        ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ζ'] = 'z',
    }.ToFrozenDictionary();

    public static string Of(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var skeleton = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            skeleton.Append(s_lookAlikes.TryGetValue(c, out var plain) ? plain : c);
        }
        return skeleton.ToString();
    }
}
