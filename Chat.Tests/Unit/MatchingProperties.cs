using Chat.Server.Queue;
using Chat.Server.Staff;
using FsCheck;
using FsCheck.Fluent;

namespace Chat.Tests.Unit;

// The matching rules over generated queues and rosters.
public sealed class MatchingProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan WidenAfter = TimeSpan.FromMinutes(3);
    private static readonly Matching Rules = new(WidenAfter);

    [Fact]
    public void CounsellorsTakingNextInTurnNeverExceedCapacityNorShareAChat() => Holds(Scenarios, scenario =>
    {
        var (taken, active) = TakeUntilNobodyCan(scenario);
        return active.Zip(scenario.Counsellors).All(pair => pair.First <= pair.Second.Capacity)
            && taken.Distinct().Count() == taken.Count
            && taken.All(id => scenario.Waiting.Any(chat => chat.ConversationId == id));
    });

    [Fact]
    public void WhileAnyoneHasRoomNoDangerChatOrChatPastTheWaitLimitIsLeftWaiting() => Holds(Scenarios, scenario =>
    {
        var (taken, active) = TakeUntilNobodyCan(scenario);
        var left = scenario.Waiting.Where(chat => !taken.Contains(chat.ConversationId));
        var roomLeft = active.Zip(scenario.Counsellors).Any(pair => pair.First < pair.Second.Capacity);
        return !roomLeft || left.All(chat => chat.Priority == Priority.Normal && !Rules.HasWaitedLongEnough(chat, Now));
    });

    [Fact]
    public void TheChosenChatIsOfferedAndNoOfferedChatIsAheadOfIt() => Holds(Scenarios, scenario =>
    {
        var counsellor = scenario.Counsellors[0];
        var offered = scenario.Waiting.Where(chat => Rules.IsOffered(chat, counsellor, Now)).ToList();
        var next = Rules.Next(counsellor, scenario.Waiting, Now);
        if (next is null) return !counsellor.HasRoom || offered.Count == 0;
        return offered.Contains(next) && !offered.Any(chat => IsAhead(chat, next));
    });

    [Fact]
    public void BeforeTheWaitLimitANormalChatGoesOnlyToMatchingSkills() => Holds(Scenarios, scenario =>
    {
        var counsellor = scenario.Counsellors[0];
        var next = Rules.Next(counsellor, scenario.Waiting, Now);
        return next is null || next.Priority == Priority.Danger || Rules.HasWaitedLongEnough(next, Now)
            || counsellor.Skills.Covers(next.Language, next.Topic);
    });

    [Fact]
    public void AChatPastTheWaitLimitIsOfferedToEveryCounsellorWithRoom() => Holds(Scenarios, scenario =>
        scenario.Waiting.Where(chat => Rules.HasWaitedLongEnough(chat, Now)).All(chat =>
            scenario.Counsellors.All(counsellor => Rules.IsOffered(chat, counsellor, Now)))
        && scenario.Counsellors.Where(c => c.HasRoom).All(counsellor =>
            !scenario.Waiting.Any(chat => Rules.HasWaitedLongEnough(chat, Now)) || Rules.Next(counsellor, scenario.Waiting, Now) is not null));

    [Fact]
    public void ADangerChatComesFirstForEveryCounsellorWithRoom() => Holds(Scenarios, scenario =>
        !scenario.Waiting.Any(chat => chat.Priority == Priority.Danger)
        || scenario.Counsellors.Where(c => c.HasRoom).All(counsellor =>
            Rules.Next(counsellor, scenario.Waiting, Now)?.Priority == Priority.Danger));

    private static bool IsAhead(QueuedChat chat, QueuedChat than) =>
        chat.Priority > than.Priority || (chat.Priority == than.Priority && chat.Ticket < than.Ticket);

    // Counsellors press "next" one after another, round after round, until a whole round takes nothing:
    // what the hub does, one atomic take at a time.
    private static (List<string> Taken, int[] Active) TakeUntilNobodyCan(Scenario scenario)
    {
        var waiting = scenario.Waiting.ToList();
        var active = scenario.Counsellors.Select(c => c.Active).ToArray();
        var taken = new List<string>();
        for (var tookAny = true; tookAny;)
        {
            tookAny = false;
            for (var i = 0; i < active.Length; i++)
            {
                var next = Rules.Next(scenario.Counsellors[i] with { Active = active[i] }, waiting, Now);
                if (next is null) continue;
                waiting.Remove(next);
                taken.Add(next.ConversationId);
                active[i]++;
                tookAny = true;
            }
        }
        return (taken, active);
    }

    public sealed record Scenario(IReadOnlyList<QueuedChat> Waiting, IReadOnlyList<OnDutyCounsellor> Counsellors)
    {
        public override string ToString() =>
            $"waiting: {string.Join("; ", Waiting.Select(c => $"{c.ConversationId} #{c.Ticket} {c.Priority} {c.Language ?? "-"}/{c.Topic ?? "-"} {(Now - c.WaitingSince).TotalSeconds}s"))}\n" +
            $"counsellors: {string.Join("; ", Counsellors.Select(c => $"[{string.Join(',', c.Skills.Languages)}|{string.Join(',', c.Skills.Topics)}] {c.Active}/{c.Capacity}"))}";
    }

    private static readonly string[] Languages = ["sv", "en", "ar"];
    private static readonly string[] Topics = ["sexual-abuse", "exploitation", "something-else"];

    private static readonly Gen<(Priority Priority, string? Language, string? Topic, int WaitedSeconds)> WaitingChat =
        from priority in Gen.Frequency((5, Gen.Constant(Priority.Normal)), (1, Gen.Constant(Priority.Danger)))
        from language in Gen.Elements<string?>([null, .. Languages])
        from topic in Gen.Elements<string?>([null, .. Topics])
        from waited in Gen.Choose(0, 400)
        select (priority, language, topic, waited);

    private static readonly Gen<OnDutyCounsellor> Counsellor =
        from languages in Gen.SubListOf(Languages)
        from topics in Gen.SubListOf(Topics)
        from capacity in Gen.Choose(1, 3)
        from active in Gen.Choose(0, capacity)
        select new OnDutyCounsellor(new Skills(languages.ToList(), topics.ToList()), capacity, active);

    // Tickets follow arrival, so the longest waiting holds the lowest ticket; the list itself comes shuffled,
    // so nothing may rely on the order the queue is handed over in.
    private static readonly Arbitrary<Scenario> Scenarios = Arb.From(
        from chats in Gen.ListOf(WaitingChat)
        from shuffled in Gen.Shuffle(chats.OrderByDescending(c => c.WaitedSeconds).Select((c, i) =>
            new QueuedChat($"c{i + 1}", c.Priority, i + 1, c.Language, c.Topic, Now - TimeSpan.FromSeconds(c.WaitedSeconds))))
        from counsellors in Gen.NonEmptyListOf(Counsellor)
        select new Scenario(shuffled, counsellors.ToList()));

    private static void Holds(Arbitrary<Scenario> scenarios, Func<Scenario, bool> property) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(scenarios, property));
}
