using System.Xml.Linq;
using Chat.Server.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Chat.Server.ScaleOut;

// The data-protection key ring (it signs staff cookies and antiforgery tokens) lives in Redis,
// so a staff member signed in through one node is signed in on every node.
// The framework's Redis store needs StackExchange.Redis 2, which does not restore here.
public sealed class RedisXmlRepository(RedisConnection redis) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        redis.Database.ListRange(redis.Keys.DataProtectionKeys).Select(value => XElement.Parse((string)value!)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        redis.Database.ListRightPush(redis.Keys.DataProtectionKeys, element.ToString(SaveOptions.DisableFormatting));
}
