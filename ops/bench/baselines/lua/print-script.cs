#:project ../../../../Chat.Server/Chat.Server.csproj
// Prints one of the service's Lua scripts exactly as the service sends it to Redis, for ops/bench-redis.sh.
// Usage: dotnet run print-script.cs -- send|take
using Chat.Server.Conversations;
using Chat.Server.Queue;

var script = args.FirstOrDefault() switch
{
    "send" => ConversationScripts.Send,
    "take" => QueueScripts.Take,
    var other => null,
};
if (script is null)
{
    Console.Error.WriteLine("usage: print-script.cs send|take");
    return 2;
}
Console.Write(script);
return 0;
