using Chat.Server.Conversations;
using Chat.Server.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Chat.Server.Stats;

// The statistics as CSV for coordinators and admins: date,dimension,value,count, exactly what /staff/stats shows.
public static class StatsApi
{
    public const string ClampedHeader = "X-Stats-Range-Clamped";

    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/stats/export", Export).RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.Dashboard });
        return app;
    }

    private static async Task<IResult> Export(string? from, string? to, Counters counters, Opening.ShiftLog shifts, AuditLog audit, HttpContext http)
    {
        ExportRange range;
        try
        {
            range = ExportRange.Parse(from, to, counters.TodayDate, counters.RetentionDays);
        }
        catch (ChatError error)
        {
            return Results.Json(new { code = error.Code, message = error.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
        var report = StatsReport.From(await counters.Days(range.From, range.To));
        var staffing = await shifts.Days(range.From, range.To);
        await audit.Record(http.User.Identity!.Name!, AuditActions.StatsExported, $"stats:{range.From:yyyy-MM-dd}..{range.To:yyyy-MM-dd}");
        // The days actually given, when they are not the ones asked for (older than the retention, or to come).
        if (range.Clamped) http.Response.Headers[ClampedHeader] = $"{range.From:yyyy-MM-dd}..{range.To:yyyy-MM-dd}";
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(StatsCsv.Of(report, staffing)), "text/csv; charset=utf-8",
            $"statistik-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv");
    }
}
