using Chat.Server.Content;
using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Server.Handover;

// The named services coordinators keep: one Redis hash, services (field = id, value = the service as JSON).
// Public facts about organisations only; nothing about young people or staff. Every change drops the help pages
// built from it ("where else you can turn") on every node.
public sealed class ServiceDirectory(RedisConnection redis, PageCache pages)
{
    private RedisKeys Keys => redis.Keys;

    public async Task<IReadOnlyList<PartnerService>> All() =>
        (await redis.Database.HashValuesAsync(Keys.Services))
            .Select(value => PartnerService.FromJson(value!))
            .OrderBy(service => service.Name, PartnerService.NameOrder)
            .ToList();

    public async Task<PartnerService?> Find(string? id)
    {
        if (!ServiceRules.IsId(id)) return null;
        var value = await redis.Database.HashGetAsync(Keys.Services, id);
        return value.IsNull ? null : PartnerService.FromJson(value!);
    }

    // A new entry; refused when the id is taken, so two coordinators adding the same name cannot overwrite each other.
    public async Task<PartnerService> Add(PartnerService service)
    {
        var stored = ServiceRules.Valid(service);
        if (!await redis.Database.HashSetAsync(Keys.Services, stored.Id, stored.ToJson(), When.NotExists))
            throw ServiceRules.Refusal("service-exists");
        await pages.DirectoryChanged();
        return stored;
    }

    // Replaces an existing entry; refused when it was removed meanwhile, so an edit cannot bring a deleted service back.
    public async Task<PartnerService> Save(PartnerService service)
    {
        var stored = ServiceRules.Valid(service);
        var saved = (int)await redis.Database.ScriptEvaluateAsync(SaveScript, [Keys.Services], [stored.Id, stored.ToJson()]);
        if (saved != 1) throw ServiceRules.Refusal("unknown-service");
        await pages.DirectoryChanged();
        return stored;
    }

    public async Task<bool> Remove(string? id)
    {
        if (!ServiceRules.IsId(id) || !await redis.Database.HashDeleteAsync(Keys.Services, id)) return false;
        await pages.DirectoryChanged();
        return true;
    }

    // Writes the seed only when the directory key does not exist, in one step, so nodes starting together
    // seed it once and a started directory is never overwritten. Returns whether this call seeded it.
    public async Task<bool> Seed(IReadOnlyList<PartnerService> services)
    {
        var args = services.Select(ServiceRules.Valid).SelectMany(s => new RedisValue[] { s.Id, s.ToJson() }).ToArray();
        if ((int)await redis.Database.ScriptEvaluateAsync(SeedScript, [Keys.Services], args) != 1) return false;
        await pages.DirectoryChanged();
        return true;
    }

    // KEYS: services. ARGV: id, JSON. returns 1 when saved, 0 when there is no such service
    private const string SaveScript = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return 1
        """;

    // KEYS: services. ARGV: id1, JSON1, id2, JSON2, ... returns 1 when seeded, 0 when the directory already existed
    private const string SeedScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
        return 1
        """;
}
