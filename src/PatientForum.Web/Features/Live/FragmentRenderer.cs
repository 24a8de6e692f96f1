using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Renders a shared partial to a string for live pushes, as an anonymous visitor would see it, so that
/// nothing meant for one member (such as their own edit links) is ever broadcast.
/// </summary>
public sealed class FragmentRenderer(IRazorViewEngine viewEngine, ITempDataProvider tempData, IServiceProvider services)
{
    /// <summary>
    /// Renders the partial for <paramref name="reader"/> when given (a push only they, or only staff, receive), else
    /// for an anonymous visitor.
    /// </summary>
    public async Task<string> RenderAsync<TModel>(string viewPath, TModel model, ClaimsPrincipal? reader = null)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        if (reader is not null)
        {
            http.User = reader;
        }
        var actionContext = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var found = viewEngine.GetView(executingFilePath: null, viewPath, isMainPage: false);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The partial {viewPath} was not found.");
        }

        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var viewContext = new ViewContext(
            actionContext, found.View, viewData, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(viewContext);
        return writer.ToString().Trim();
    }
}
