using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace PatientForum.Web.Features.Errors;

/// <summary>Friendly error pages with a request id, never a stack trace.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int?}")]
    [ResponseCache(NoStore = true)]
    [IgnoreAntiforgeryToken]
    public IActionResult Show()
    {
        // Read from the route, not bound as a parameter: a re-executed POST still carries its form, so a field named
        // "Code" (the sign-in code step's) would become the status, and a form MVC cannot read (a field holding %00)
        // binds nothing at all, so a 400 would be shown as a 500.
        var status = int.TryParse(RouteData.Values["code"] as string, CultureInfo.InvariantCulture, out var code)
            ? code
            : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        var requestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        return View("Error", new ErrorView(status, requestId));
    }
}

public sealed record ErrorView(int StatusCode, string RequestId)
{
    public string Title => StatusCode switch
    {
        404 => "Page not found",
        410 => "Removed by its author",
        403 => "Not allowed",
        400 => "Something in the request was wrong",
        429 => "Too many requests",
        _ => "Something went wrong",
    };

    public string Text => StatusCode switch
    {
        404 => "We could not find that page. The link may be mistyped, or the thread may have been removed.",
        410 => "Its author removed this for good. Nothing of it is kept.",
        403 => "You do not have permission to do that.",
        429 => "You are going a little fast. Wait a moment and try again.",
        _ => "Sorry, something went wrong on our side. If it keeps happening, tell us the request id below.",
    };
}
