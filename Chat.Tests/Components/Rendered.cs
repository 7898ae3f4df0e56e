using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chat.Tests.Components;

// A component rendered to HTML by the framework's own static renderer, then parsed as a browser would.
public static class Rendered
{
    public static async Task<IDocument> Component<T>(Dictionary<string, object?> parameters, Action<IServiceCollection>? services = null)
        where T : IComponent
    {
        // Every component may name a text: the language files as the service reads them.
        var collection = new ServiceCollection().AddOptions().AddLogging().AddSingleton(Support.Words.Catalog);
        services?.Invoke(collection);
        await using var provider = collection.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
    }
}
