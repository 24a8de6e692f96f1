using System.Globalization;
using System.Text.RegularExpressions;
using PatientForum.Web.Features.Profiles;

namespace PatientForum.Tests.Features.Profiles;

/// <summary>Generated avatars: sensible initials for any name, and a colour that is always the same for a name and readable.</summary>
public sealed partial class AvatarTests
{
    [Theory]
    [InlineData("Anna Lee", "AL")]
    [InlineData("anna", "A")]
    [InlineData("Mary Ann de la Cruz", "MC")]
    [InlineData("j.r. smith", "JS")]
    [InlineData("O'Brien", "O")]
    [InlineData("Élodie Durand", "ÉD")]
    [InlineData("E\u0301lodie", "E\u0301")]
    [InlineData("Мария Иванова", "МИ")]
    [InlineData("Γιώργος Παπαδόπουλος", "ΓΠ")]
    [InlineData("山田 太郎", "山")]
    [InlineData("김민수", "김")]
    [InlineData("محمد علي", "م")]
    [InlineData("42 Runner", "4R")]
    [InlineData("😀 Sam 🎉", "S")]
    [InlineData("🎉🎉", "🎉")]
    [InlineData("", "?")]
    public void Initials_OfAName_AreItsFirstAndLastWordsFirstLetters(string name, string initials) =>
        Assert.Equal(initials, Avatars.Initials(name));

    [Fact]
    public void Colour_OfAName_IsTheSameEveryTime_AndSpreadsOverThePalette()
    {
        // FNV-1a of the name's UTF-8 bytes, worked out by hand: the same in every process and on every instance.
        Assert.Equal(new Avatar("AL", 9), Avatars.Of("Anna Lee"));
        Assert.Equal(Avatars.Of("Мария Иванова"), Avatars.Of("Мария Иванова"));
        Assert.Equal("avatar-9", Avatars.Of("Anna Lee").CssClass);

        var colours = Enumerable.Range(0, 500).Select(i => Avatars.Colour(string.Create(CultureInfo.InvariantCulture, $"Member {i:x8}"))).ToList();
        Assert.All(colours, c => Assert.InRange(c, 0, Avatars.PaletteSize - 1));
        Assert.Equal(Avatars.PaletteSize, colours.Distinct().Count());
    }

    [Fact]
    public void Palette_InTheStylesheet_GivesWhiteTextAContrastOfAtLeast4point5()
    {
        var css = File.ReadAllText(Path.Combine(RepoPaths.WebProject, "wwwroot", "css", "tokens.css"));
        var palette = PaletteRule().Matches(css).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value);

        Assert.Equal(Enumerable.Range(0, Avatars.PaletteSize), palette.Keys.Order());
        Assert.All(palette, colour => Assert.True(ContrastWithWhite(colour.Value) >= 4.5, $"--avatar-{colour.Key} {colour.Value}: {ContrastWithWhite(colour.Value):F2}:1"));
    }

    /// <summary>WCAG 2's contrast ratio of white against <paramref name="hex"/> (#rrggbb).</summary>
    private static double ContrastWithWhite(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
        return 1.05 / (luminance + 0.05);
    }

    [GeneratedRegex(@"--avatar-(\d+):\s*(#[0-9a-fA-F]{6});")]
    private static partial Regex PaletteRule();
}
