using System.Diagnostics;
using System.Text.Json;

namespace Chat.Tests.Support;

// Runs a script in node (what the browser modules run on, with the same Intl and RegExp) and reads the JSON it
// writes to stdout.
public static class Node
{
    public static async Task<T> Json<T>(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(node.ExitCode == 0, await errors);
        return JsonSerializer.Deserialize<T>(await output)!;
    }
}
