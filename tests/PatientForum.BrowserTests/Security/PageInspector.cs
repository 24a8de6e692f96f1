using System.Collections.Concurrent;
using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;

namespace PatientForum.BrowserTests.Security;

/// <summary>
/// Visits pages in one browser page and lists, per page, anything that shows script could run: a dialog, a
/// console error, an uncaught exception, a Content-Security-Policy violation, the window.__pwned canary, or
/// markup that could run script (an on* attribute, a javascript:/vbscript:/data: URL, a script, frame or
/// embed the forum did not put there), both in the live DOM and in the HTML exactly as the server sent it.
/// </summary>
public sealed class PageInspector
{
    /// <summary>
    /// Runs before any of the page's own code, and regardless of the CSP, which stops inline script but not an
    /// init script. It records violations so that a blocked handler, which would otherwise just be a console
    /// line, fails the test as surely as one that ran.
    /// </summary>
    public const string InitScript = """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", function (e) {
          window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + (e.sample ? ": " + e.sample : ""));
        });
        """;

    /// <summary>
    /// Lists dangerous markup in the live document (argument null) or in the given HTML, parsed by the browser's
    /// own parser into an inert document, so what is checked is what a browser would make of the server's bytes.
    /// URLs are compared the way browsers read them: control characters and whitespace anywhere are ignored.
    /// </summary>
    private const string InspectScript = """
        (html) => {
          const doc = html === null ? document : new DOMParser().parseFromString(html, "text/html");
          const found = [];
          const show = el => el.outerHTML.slice(0, 300);
          const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster",
            "srcset", "cite", "ping", "codebase", "classid", "archive", "longdesc", "lowsrc", "dynsrc", "usemap", "manifest",
            "to", "from", "values", "by"];
          for (const el of doc.querySelectorAll("*")) {
            for (const attribute of el.attributes) {
              const name = attribute.name.toLowerCase();
              if (name.startsWith("on")) {
                found.push("attribute " + name + " on " + show(el));
              }
              if (name === "style" || name === "srcdoc") {
                found.push("attribute " + name + " on " + show(el));
              }
              if (urlAttributes.includes(name) || name.endsWith(":href")) {
                const url = attribute.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
                if (/^(javascript|vbscript|data):/.test(url)) {
                  found.push("script URL in " + name + " on " + show(el));
                }
              }
            }
          }
          // A thread's JSON-LD is a data block in the head, which browsers never run; any other inline script is a finding,
          // and so is a second block or one that does not parse (a title that broke out of the first).
          const dangerous = "script:not([src^='/js/']):not([src^='/lib/']):not(head > script[type='application/ld+json']:not([src])), " +
            "iframe, frame, frameset, object, embed, applet, " +
            "base, body meta, body link, body style, .post-body form, .post-body input, .post-body button, math, " +
            // The forum draws two graphics itself, the two-factor QR code and the treatment charts; any other SVG, and
            // any SVG inside what a member wrote, is a finding (their attributes are checked above like any element's).
            "svg:not(figure.qr-code > div > svg):not(svg.chart), .post-body svg";
          for (const el of doc.querySelectorAll(dangerous)) {
            found.push("element " + show(el));
          }
          const data = doc.querySelectorAll("script[type='application/ld+json']");
          if (data.length > 1) {
            found.push(data.length + " JSON-LD blocks");
          }
          for (const el of data) {
            try { JSON.parse(el.textContent); } catch (e) { found.push("JSON-LD that does not parse: " + show(el)); }
          }
          if (html === null) {
            if (typeof window.__pwned !== "undefined") {
              found.push("window.__pwned was set: a vector ran");
            }
            for (const violation of window.__cspViolations || ["the CSP listener is missing"]) {
              found.push("CSP violation: " + violation);
            }
            window.__cspViolations = [];
          }
          return found;
        }
        """;

    private readonly WatchedPage _watched;
    private readonly Findings _findings;

    public PageInspector(WatchedPage watched)
        : this(watched, new Findings())
    {
    }

    private PageInspector(WatchedPage watched, Findings findings)
    {
        _watched = watched;
        _findings = findings;
    }

    public IPage Page => _watched.Page;

    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_findings)
            {
                return [.. _findings.Failures];
            }
        }
    }

    public int PagesVisited => _findings.Visited;

    /// <summary>An inspector of another page whose findings go into this one's list.</summary>
    public PageInspector For(WatchedPage other) => new(other, _findings);

    /// <summary>
    /// Visits every page, several at once in tabs of this page's browser session (its cookies, its init scripts),
    /// each tab watched for dialogs and errors of its own. The pages only read, so the order does not matter.
    /// </summary>
    public async Task VisitAllAsync(IEnumerable<HostilePage> visits, int tabs = 4)
    {
        var queue = new ConcurrentQueue<HostilePage>(visits);
        var extra = new List<WatchedPage>();
        for (var i = 1; i < tabs; i++)
        {
            extra.Add(new WatchedPage(await Page.Context.NewPageAsync()));
        }
        await Task.WhenAll(extra.Select(For).Prepend(this).Select(async inspector =>
        {
            while (queue.TryDequeue(out var visit))
            {
                await inspector.VisitAsync(visit.Path, visit.Label);
            }
        }));
        foreach (var tab in extra)
        {
            await tab.Page.CloseAsync();
        }
    }

    /// <summary>Opens <paramref name="path"/> and records every sign of script; <paramref name="label"/> says what was posted there.</summary>
    public async Task VisitAsync(string path, string label)
    {
        var page = _watched.Page;
        var problemsBefore = _watched.Problems.Count;
        var response = await page.GotoAsync(path);
        Interlocked.Increment(ref _findings.Visited);
        if (response is null || response.Status != 200)
        {
            Fail(path, label, $"answered {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}");
        }
        var sent = response is null ? "" : await response.TextAsync();
        await CheckAsync(path, label, problemsBefore, sent);
    }

    /// <summary>Checks the page as it stands now (e.g. after live updates or a preview), with the HTML it was loaded with.</summary>
    public async Task CheckAsync(string path, string label, int problemsBefore, string? sentHtml)
    {
        // Let anything a vector scheduled (an error event, a CSP report) happen before looking.
        await _watched.Page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 20)))");
        var live = await _watched.Page.EvaluateAsync<string[]>(InspectScript, null);
        var sent = sentHtml is null ? [] : await _watched.Page.EvaluateAsync<string[]>(InspectScript, sentHtml);
        var events = _watched.Problems.Skip(problemsBefore);
        Record(path, label, [.. events.Select(e => "browser: " + e), .. live.Select(f => "DOM: " + f), .. sent.Select(f => "sent HTML: " + f)]);
    }

    public void Fail(string path, string label, string problem) => Record(path, label, [problem]);

    private void Record(string path, string label, IReadOnlyList<string> found)
    {
        if (found.Count > 0)
        {
            lock (_findings)
            {
                _findings.Failures.Add($"{path} ({label}):\n    " + string.Join("\n    ", found));
            }
        }
    }

    /// <summary>What every inspector of one browser session found, and how many pages they opened.</summary>
    private sealed class Findings
    {
        public readonly List<string> Failures = [];
        public int Visited;
    }
}
