using System.Text.Json;
using Chat.Server.Storage;

namespace Chat.Server.Handover;

// Fills an empty directory once with the services of ../shared/reference/services.md (services.seed.json, embedded):
// names as written there without English glosses, Swedish texts, no contact details (coordinators add them).
// Topics: the codes the service's own focus names; none (= any topic) for services open to everyone or to broad
// risk and health work; worried-about-friend where it also serves relatives or witnesses; never something-else,
// which the rules never exclude on. A directory whose every service was deleted is seeded again at the next start.
public sealed class DirectorySeed(ServiceDirectory directory, ILogger<DirectorySeed> logger) : BackgroundService
{
    public const string Resource = "Chat.Server.Handover.services.seed.json";

    public static IReadOnlyList<PartnerService> Load()
    {
        using var stream = typeof(DirectorySeed).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        return JsonSerializer.Deserialize<List<PartnerService>>(stream, PartnerService.Json)
            ?? throw new JsonException("The service seed is empty.");
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var services = Load();
        return RedisRetry.UntilAnswered(async () =>
        {
            if (await directory.Seed(services)) DirectoryLog.Seeded(logger, services.Count);
            else DirectoryLog.AlreadySeeded(logger);
        }, failed => DirectoryLog.SeedFailed(logger, failed), stoppingToken);
    }
}
