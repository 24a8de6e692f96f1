using System.Globalization;
using System.Text.RegularExpressions;
using PatientForum.Tests.Infrastructure;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace PatientForum.Tests.Features.Accounts;

/// <summary>
/// The QR code on the two-factor set-up page, read back as a phone's camera would: the page's own SVG is drawn
/// into pixels here and decoded with ZXing, and what it says must be the set-up address the page writes out.
/// </summary>
public sealed partial class TwoFactorQrCodeTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const int PixelsPerModule = 4;

    [Fact]
    public async Task SetUpPage_WithTwoFactorOff_ShowsAQrCodeThatDecodesToTheSetUpAddress_AndAKeyCodeFromItTurnsItOn()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var page = await member.Client.GetOkAsync("/account/two-factor");

        var figure = page.Document.QuerySelector("#authenticator-qr")!;
        var named = figure.QuerySelector("[role='img']")!;
        Assert.Contains("QR code", named.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal("true", figure.QuerySelector("svg")!.GetAttribute("aria-hidden"));
        Assert.Equal(page.TextOf("#authenticator-uri"), Decode(figure.QuerySelector("svg")!.OuterHtml));
        Assert.NotNull(page.TextOf("#shared-key"));
        var (_, codes) = await TwoFactor.EnableAsync(member.Client);
        Assert.Equal(10, codes.Count);
        var after = await member.Client.GetOkAsync("/account/two-factor");
        Assert.Null(after.Document.QuerySelector("#authenticator-qr"));
    }

    /// <summary>Draws the SVG's modules (QRCoder writes each dark run as "M{x} {y}h{w}v1h-{w}z") and decodes them.</summary>
    private static string Decode(string svg)
    {
        var size = int.Parse(ViewBox().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        var width = size * PixelsPerModule;
        var pixels = Enumerable.Repeat((byte)255, width * width).ToArray();
        foreach (Match run in DarkRun().Matches(svg))
        {
            var (x, y, w) = (Number(run, 1), Number(run, 2), Number(run, 3));
            for (var row = y * PixelsPerModule; row < (y + 1) * PixelsPerModule; row++)
            {
                Array.Fill(pixels, (byte)0, row * width + x * PixelsPerModule, w * PixelsPerModule);
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, width, RGBLuminanceSource.BitmapFormat.Gray8)));
        // The drawing is exact (whole modules, the quiet zone included), so it is read as a pure barcode: module by module,
        // without searching the picture for finder patterns, which a few codes' data can imitate.
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true };
        var result = new QRCodeReader().decode(bitmap, hints) ?? throw new InvalidOperationException("The QR code on the page does not decode.");
        return result.Text;
    }

    private static int Number(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("viewBox=\"0 0 (\\d+) \\1\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("M(\\d+) (\\d+)h(\\d+)v1h-\\3z")]
    private static partial Regex DarkRun();
}
