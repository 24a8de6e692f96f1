using System.Text.RegularExpressions;

namespace PatientForum.Web.Features.Safety;

/// <summary>Where a phrase of the crisis lexicon was found: the lexicon's pattern and the span of the text it matched.</summary>
public sealed record CrisisMatch(string Phrase, int Start, int Length);

/// <summary>
/// Finds self-harm and suicide language with the lexicon's phrases, then sets aside what the writer is not saying of
/// themselves: a phrase negated just before it ("I would never…"), a phrase in reported speech ("my doctor asked if
/// I had thoughts of…", "the form asks whether you feel suicidal"), and text quoted from someone else (quotation marks,
/// Markdown blockquotes). Words that are only everyday pain talk ("this pain is killing me") are not in the lexicon,
/// and its exception lines remove the idioms that do contain a phrase ("I wanted to die of embarrassment").
/// </summary>
public sealed partial class CrisisLanguageDetector(CrisisLexicon lexicon)
{
    /// <summary>The phrases found, in reading order; none overlap.</summary>
    public IReadOnlyList<CrisisMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = QuotedSpans(text);
        var exceptions = lexicon.Exceptions.SelectMany(e => MatchesWithinTime(e, text)).Select(m => (m.Index, End: m.Index + m.Length)).ToList();

        var found = new List<CrisisMatch>();
        foreach (var phrase in lexicon.Phrases)
        {
            foreach (var match in MatchesWithinTime(phrase, text))
            {
                var end = match.Index + match.Length;
                if (exceptions.Any(e => e.Index < end && match.Index < e.End)
                    || quoted.Any(q => match.Index >= q.Start && end <= q.End)
                    || IsNegated(text, match.Index)
                    || NegatedInside(phrase.Pattern, match.Value)
                    || IsReported(text, match.Index, end))
                {
                    continue;
                }
                found.Add(new CrisisMatch(phrase.Pattern, match.Index, match.Length));
            }
        }

        var kept = new List<CrisisMatch>();
        foreach (var match in found.OrderByDescending(m => m.Length))
        {
            if (!kept.Any(k => k.Start < match.Start + match.Length && match.Start < k.Start + k.Length))
            {
                kept.Add(match);
            }
        }
        return kept.OrderBy(m => m.Start).ToList();
    }

    /// <summary>
    /// The phrase's matches, or none when its pattern runs past its time limit on this text: a pattern a moderator
    /// wrote must never turn a post into an error page. The other phrases still look.
    /// </summary>
    private static List<Match> MatchesWithinTime(CrisisPhrase phrase, string text)
    {
        try
        {
            return phrase.Regex.Matches(text).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    /// <summary>
    /// A negation among the four words before the phrase, in the same clause ("I would never", "I'm not going to"), or
    /// a clause about someone else or a supposition ("if you ever", "when he was").
    /// </summary>
    private static bool IsNegated(string text, int start)
    {
        var clause = ClauseBefore(text, start);
        var words = clause.Split((char[])[' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        var window = string.Join(' ', words.TakeLast(4));
        return Negation().IsMatch(NotANegation().Replace(window, " ")) || Hypothetical().IsMatch(clause);
    }

    /// <summary>
    /// A negation the phrase does not name itself, taken in by a "..." gap: "feel ... suicidal" on "I'm not suicidal".
    /// Phrases that are negative by design ("don't want to live anymore") name their negation, so it does not count.
    /// </summary>
    private static bool NegatedInside(string pattern, string matched) =>
        !Negation().IsMatch(pattern) && Negation().IsMatch(NotANegation().Replace(matched, " "));

    /// <summary>
    /// A question someone else asks, earlier in the same sentence ("the nurse asked whether", "the form asks if"),
    /// unless the writer answers yes in it.
    /// </summary>
    private static bool IsReported(string text, int start, int end)
    {
        var sentenceStart = Math.Max(0, text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(0, start - 1)) + 1);
        var sentenceEnd = text.IndexOfAny(['.', '!', '?', '\n'], end);
        var after = text[end..(sentenceEnd < 0 ? text.Length : sentenceEnd)];
        return ReportingCue().IsMatch(text[sentenceStart..start]) && !AnsweredYes().IsMatch(after);
    }

    private static string ClauseBefore(string text, int start)
    {
        var before = text[..start];
        var boundary = before.LastIndexOfAny(['.', '!', '?', ';', ':', '\n']);
        var clause = before[(boundary + 1)..];
        var but = ClauseJoint().Matches(clause).LastOrDefault();
        return but is null ? clause : clause[(but.Index + but.Length)..];
    }

    /// <summary>Blockquote lines, and text in quotation marks unless the writer introduces it as their own words.</summary>
    private static List<(int Start, int End)> QuotedSpans(string text)
    {
        var spans = BlockquoteLine().Matches(text).Select(m => (m.Index, m.Index + m.Length)).ToList();
        foreach (Match quote in QuotationMarks().Matches(text))
        {
            var lead = text[Math.Max(0, quote.Index - 40)..quote.Index];
            if (!OwnWords().IsMatch(lead))
            {
                spans.Add((quote.Index, quote.Index + quote.Length));
            }
        }
        return spans;
    }

    [GeneratedRegex(@"\b(?:never|not|no|nor|neither|nothing|without|cannot)\b|n['’]t\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    // Negative words that do not deny what follows: "no longer want to live", "not gonna lie, …", "can't stop thinking".
    [GeneratedRegex(@"\b(?:no longer|no more|not (?:gonna|going to) lie|not sure|(?:do|did)n['’]?t know|(?:can|could)n['’]?t (?:stop|help)|cannot (?:stop|help)|not anymore|not even|no matter|if not)\b|\b(?:no|not) one\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotANegation();

    [GeneratedRegex(@"\b(?:if|when|whenever|in case) (?:you|anyone|someone|somebody|they|he|she|people|a friend|your)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hypothetical();

    [GeneratedRegex(@"\b(?:but|although|though|however|yet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseJoint();

    [GeneratedRegex(
        @"\b(?:ask|asks|asked|asking|question|questions|questioned)\b(?:\s+\S+){0,4}?\s+(?:if|whether|about)\b" +
        @"|\b(?:form|forms|questionnaire|survey|screening|screener|checklist|assessment|PHQ-?9|leaflet|label|insert|box|website|pamphlet|warnings?)\b" +
        @".{0,60}?\b(?:asks?|asked|asking|whether|if|about|says?|said|mentions?|mentioned|lists?|listed|warns?|warned|includes?|included)\b" +
        @"|\b(?:side effects?|risk of|(?:can|may|might|could) (?:cause|make you|lead to|trigger)|linked (?:to|with)|associated with|warn(?:s|ed)? (?:about|of|that)|warning (?:about|of))\b" +
        @"|\bwant(?:s|ed)? to know (?:if|whether)\b|\bcheck(?:s|ed|ing)? (?:if|whether|for)\b|\bscreen(?:s|ed)? (?:me |us |you )?for\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ReportingCue();

    [GeneratedRegex(@"\b(?:said|say|answered|told (?:him|her|them|the \w+)) (?:yes|that I (?:do|did|am|was|have))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnsweredYes();

    [GeneratedRegex(@"^[ \t]*>.*$", RegexOptions.Multiline)]
    private static partial Regex BlockquoteLine();

    [GeneratedRegex(@"""[^""\n]{1,400}""|“[^”\n]{1,400}”")]
    private static partial Regex QuotationMarks();

    // "I told her "…"", "I keep saying "…"", "I wrote "…"": the writer quoting themselves is still the writer speaking.
    [GeneratedRegex(@"\bI (?:\w+ )?(?:told|tell|telling|said|say|saying|wrote|write|texted|screamed|shouted|sobbed|cried)\b[^.!?""“]{0,30}[:,]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OwnWords();
}
