using Chat.Server.Opening;
using Chat.Server.Staff;
using Chat.Server.Storage;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Duty periods are recorded for staffing statistics: on duty starts one, off duty records it (split by local day).
public sealed class DutyPeriodTests : ChatTest
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private RedisConnection Redis => App.Get<RedisConnection>();

    private static DateOnly Today => DateOnly.FromDateTime(LocalTime.Of(DateTimeOffset.UtcNow, Stockholm));

    // A roster on this app's Redis whose clock the test moves.
    private DutyRoster Roster(TimeProvider clock) => new(Redis, App.Get<StaffAccounts>(), App.Get<ShiftLog>(), clock);

    [Fact]
    public async Task ChangingCapacityKeepsOnePeriodFromOnDutyToOffDuty()
    {
        var ulla = Own(await Counsellor.SignIn(App, "ulla"));
        (await ulla.GoOnDuty(1)).Value();
        var since = (long)await Redis.Database.HashGetAsync(Redis.Keys.DutySince, "ulla");
        (await ulla.GoOnDuty(3)).Value();
        Assert.Equal(since, (long)await Redis.Database.HashGetAsync(Redis.Keys.DutySince, "ulla"));
        (await ulla.GoOffDuty()).Value();

        var day = await App.Get<ShiftLog>().Day(Today);
        var period = Assert.Single(day.Periods);
        Assert.Equal(("ulla", "", since), (period.User, period.Desk, period.From.ToUnixTimeMilliseconds()));
        Assert.True(period.To >= period.From);
        Assert.False(await Redis.Database.HashExistsAsync(Redis.Keys.DutySince, "ulla"));
        var ttl = await Redis.Database.KeyTimeToLiveAsync(Redis.Keys.Shifts(Today));
        Assert.InRange(ttl!.Value, TimeSpan.FromDays(399), TimeSpan.FromDays(400));
    }

    [Fact]
    public async Task TwoPeopleAndAPartnersMemberEachGetTheirOwnPeriod()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero)); // 18:00 in Stockholm
        var roster = Roster(clock);
        await App.CreateStaff("ulla");
        await App.CreateStaff("bertil");
        await App.CreateMember("sara", "stodcentrum");
        await roster.GoOnDuty("ulla", 2);
        clock.Advance(TimeSpan.FromMinutes(30));
        await roster.GoOnDuty("bertil", 1);
        await roster.GoOnDuty("sara", 1, "stodcentrum");
        clock.Advance(TimeSpan.FromMinutes(60));
        await roster.GoOffDuty("ulla");
        clock.Advance(TimeSpan.FromMinutes(30));
        await roster.GoOffDuty("bertil");
        await roster.GoOffDuty("sara", "stodcentrum");

        var day = await App.Get<ShiftLog>().Day(new DateOnly(2026, 11, 23));
        Assert.Equal([("ulla", "", 90.0), ("bertil", "", 90.0), ("sara", "stodcentrum", 90.0)],
            day.Periods.Select(p => (p.User, p.Desk, (p.To - p.From).TotalMinutes)));
        Assert.Equal(TimeSpan.FromMinutes(270), day.OnDuty);
        Assert.Equal(TimeSpan.FromMinutes(120), day.Covered); // 18:00–20:00 by this service's own counsellors
        Assert.Equal([120.0, 150.0, 0.0], day.ByHour.Skip(18).Take(3).Select(h => h.TotalMinutes));
    }

    [Fact]
    public async Task APeriodOverMidnightIsSplitBetweenTheTwoDays()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.Zero)); // 23:30 in Stockholm
        var roster = Roster(clock);
        await App.CreateStaff("ulla");
        await roster.GoOnDuty("ulla", 1);
        clock.Advance(TimeSpan.FromMinutes(90));
        await roster.GoOffDuty("ulla");

        var monday = await App.Get<ShiftLog>().Day(new DateOnly(2026, 11, 23));
        var tuesday = await App.Get<ShiftLog>().Day(new DateOnly(2026, 11, 24));
        Assert.Equal(TimeSpan.FromMinutes(30), monday.OnDuty);
        Assert.Equal(TimeSpan.FromMinutes(30), monday.ByHour[23]);
        Assert.Equal(TimeSpan.FromMinutes(60), tuesday.OnDuty);
        Assert.Equal(TimeSpan.FromMinutes(60), tuesday.ByHour[0]);
        Assert.Equal(monday.Periods.Single().To, tuesday.Periods.Single().From);
    }

    [Fact]
    public async Task OffDutyRefusedForOpenChatsRecordsNothingAndKeepsTheStart()
    {
        var (youth, ulla, _) = await Youth.Matched(App, capacity: 1);
        Own(youth);
        Own(ulla);
        (await ulla.GoOffDuty()).Refused("chats-open");
        Assert.True(await Redis.Database.HashExistsAsync(Redis.Keys.DutySince, "ulla"));
        Assert.Empty((await App.Get<ShiftLog>().Day(Today)).Periods);
    }
}
