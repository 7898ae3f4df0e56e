namespace Chat.Client.Components.Youth;

// Whether a young person can start a chat now, as the page at / shows it and GET /youth/status answers it
// (docs/protocol.md). Open: within the chat's hours, or no hours set. OnDuty: a counsellor is on duty.
// EstimatedWaitSeconds: for someone starting now (null when nobody is on duty). ClosesAt / OpensAt: Unix ms of
// the next change (null: none within two weeks); OpensText: the next opening in Swedish ("måndag 18:00").
// Nothing in it is about anyone: no identifiers.
public sealed record YouthStatus(
    bool Open, bool HoursKnown, bool OnDuty, int? EstimatedWaitSeconds, long? ClosesAt, long? OpensAt, string? OpensText, string? ClosesText);

// A service young people can reach at any hour (the directory's services open around the clock every day).
public sealed record AlwaysOpenService(string Name, string Contact);

// The page is a Chat.Client component and the server knows the hours: the server provides this.
public interface IYouthStatus
{
    // Null when it cannot be said now (the store is unreachable).
    Task<YouthStatus?> Now();
    Task<IReadOnlyList<AlwaysOpenService>> AlwaysOpen();
}

// The status in the young person's words. youth-opening.js says the same when it refreshes (keep them in step).
public static class StatusWords
{
    public static string Open(YouthStatus status) =>
        (status.OnDuty ? "Chatten är öppen." : "Chatten är öppen, men ingen kurator är inloggad just nu. Du kan ställa dig i kön ändå.")
        + (status.ClosesText is { } closes ? $" Den stänger {closes}." : "");

    // As youth-view.js estimateText: minutes up to ten, then fives, then "over an hour".
    public static string Wait(YouthStatus status)
    {
        if (!status.OnDuty || status.EstimatedWaitSeconds is not { } seconds) return "";
        if (seconds < 60) return "Beräknad väntetid: strax.";
        var minutes = (int)Math.Round(seconds / 60.0, MidpointRounding.AwayFromZero);
        if (minutes > 60) return "Beräknad väntetid: mer än en timme.";
        var shown = minutes <= 10 ? minutes : (int)Math.Round(minutes / 5.0, MidpointRounding.AwayFromZero) * 5;
        return $"Beräknad väntetid: ungefär {shown} {(shown == 1 ? "minut" : "minuter")}.";
    }

    public static string Opens(YouthStatus status) =>
        status.OpensText is { } opens ? $"Chatten öppnar igen {opens}." : "Vi vet inte just nu när chatten öppnar igen.";
}
