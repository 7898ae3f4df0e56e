using System.Security.Claims;
using Chat.Tests.Support;
using System.Threading.Channels;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chat.Tests.Plumbing;

// A throwaway app, so the plumbing is proven without the chat server.
public sealed class EchoHub(EchoLog log) : Hub
{
    public string Echo(string text) => text;

    public Task Push(string text) => Clients.Caller.SendAsync("Pushed", text);

    public string? Origin() => Context.GetHttpContext()?.Request.Headers.Origin;

    [Authorize]
    public string? WhoAmI() => Context.User?.Identity?.Name;

    // A hub-level abort: the server says goodbye with a close message that forbids reconnecting.
    public void Hangup() => Context.Abort();

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        log.Disconnected.Writer.TryWrite(exception);
        return Task.CompletedTask;
    }
}

public sealed class EchoLog
{
    public Channel<Exception?> Disconnected { get; } = Channel.CreateUnbounded<Exception?>();
}

// TEntryPoint only has to live in an assembly with an entry point; the host comes from CreateHostBuilder.
public sealed class EchoApp : WebApplicationFactory<EchoHub>
{
    public const string HubPath = "/hubs/echo";

    public EchoLog Log => Services.GetRequiredService<EchoLog>();

    protected override IHostBuilder CreateHostBuilder() =>
        new HostBuilder().ConfigureWebHost(web => web
            .ConfigureServices(services =>
            {
                services.AddSingleton<EchoLog>();
                services.AddDataProtection().UseEphemeralDataProtectionProvider();
                services.AddSignalR();
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
                services.AddAuthorization();
            })
            .Configure(app =>
            {
                app.UseRouting();
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseEndpoints(endpoints =>
                {
                    endpoints.MapHub<EchoHub>(HubPath);
                    endpoints.MapGet("/signin/{name}", IssueCookieAsync);
                    endpoints.MapGet("/", () => Results.Content(Page, "text/html"));
                    endpoints.MapGet("/greet.js", () => Results.Content(Module, "text/javascript"));
                });
            }));

    static async Task IssueCookieAsync(HttpContext context, string name)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(new ClaimsPrincipal(identity));
    }

    // Signs in over HTTP and returns the Cookie header a browser would send back.
    public async Task<string> SignInAsync(string name)
    {
        using var http = CreateDefaultClient();
        using var response = await http.GetAsync($"/signin/{name}").Within(TimeSpan.FromSeconds(5));
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';')[0]));
    }

    const string Page = """
        <!doctype html>
        <html lang="en">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Plumbing</title>
        <button type="button" id="greet">Say hello</button>
        <p id="greeting" role="status"></p>
        <script type="module">
          import { greet } from "/greet.js";
          document.getElementById("greet").addEventListener("click", () => greet(document.getElementById("greeting")));
        </script>
        </html>
        """;

    const string Module = """
        export function greet(target) {
          target.textContent = `Hello from a ${window.innerWidth}px wide screen`;
        }
        """;
}
