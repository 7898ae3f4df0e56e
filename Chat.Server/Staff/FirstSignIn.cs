using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Chat.Server.Storage;

namespace Chat.Server.Staff;

// On start: says where young people and counsellors go, and, while no staff account exists,
// creates a one-time setup code for the first admin and writes it to a file only the operator reads.
public sealed class FirstSignIn(
    StaffAccounts accounts, IServer server, IHostApplicationLifetime lifetime,
    Microsoft.Extensions.Options.IOptions<StaffOptions> options, ILogger<FirstSignIn> logger) : BackgroundService
{
    private volatile string? _code;

    public bool Matches(string? code)
    {
        var expected = _code;
        if (expected is null || code is null) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Normalize(code)), Encoding.UTF8.GetBytes(expected));
    }

    public void Close()
    {
        _code = null;
        File.Delete(options.Value.SetupCodeFile);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var _ = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(stoppingToken);

        var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? "";
        StaffLog.Addresses(logger, $"{url}/", $"{url}/staff");
        var anyone = false;
        await RedisRetry.UntilAnswered(async () => anyone = await accounts.Any(), failed => StaffLog.SetupCheckFailed(logger, failed), stoppingToken);
        if (anyone) return;

        _code = NewCode();
        var file = Path.GetFullPath(options.Value.SetupCodeFile);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, _code + Environment.NewLine, stoppingToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        StaffLog.SetupNeeded(logger, $"{url}/staff/setup", file);
    }

    // 20 characters from an alphabet without look-alikes (about 100 bits), grouped for typing.
    private static string NewCode()
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        return string.Join('-', Enumerable.Range(0, 5).Select(i => new string(chars, i * 4, 4)));
    }

    private static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
