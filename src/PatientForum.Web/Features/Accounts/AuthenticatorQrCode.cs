using QRCoder;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// The set-up address as a QR code for the authenticator app's camera, drawn as SVG on the server: the page
/// carries it inline, so it needs no script, no image request and nothing the content security policy forbids.
/// </summary>
public static class AuthenticatorQrCode
{
    /// <summary>
    /// An SVG that scales with its box (a view box of one unit per module, quiet zone included), dark modules on
    /// white in either theme, since cameras read a light code on a dark page poorly. Medium error correction
    /// keeps the code small enough to scan from a laptop screen at arm's length.
    /// </summary>
    public static string Svg(string authenticatorUri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(authenticatorUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);

        // The picture is named by the figure around it; screen readers need not walk into the SVG.
        return svg.Replace("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", StringComparison.Ordinal);
    }
}
