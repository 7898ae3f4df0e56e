#:project ../../../../Chat.Server/Chat.Server.csproj
// Writes the service's per-message and per-match Lua scripts exactly as the service sends them to Redis, for
// ops/bench-redis.sh: send.lua (ConversationScripts.Send) and take.lua (QueueScripts.Take) into the given folder.
// Usage: dotnet run print-script.cs -- <folder>
using Chat.Server.Conversations;
using Chat.Server.Queue;

if (args is not [var folder])
{
    Console.Error.WriteLine("usage: print-script.cs <folder>");
    return 2;
}
File.WriteAllText(Path.Combine(folder, "send.lua"), ConversationScripts.Send);
File.WriteAllText(Path.Combine(folder, "take.lua"), QueueScripts.Take);
return 0;
