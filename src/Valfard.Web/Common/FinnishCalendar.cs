namespace Valfard.Web.Common;

/// <summary>Deadlines and terms are Finnish dates, whatever time zone the server runs in.</summary>
public static class FinnishCalendar
{
    private static readonly TimeZoneInfo Helsinki = FindHelsinki();

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Helsinki).DateTime);

    /// <summary>A moment as a Finnish wall-clock time, for showing when something was saved.</summary>
    public static DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Helsinki);

    private static TimeZoneInfo FindHelsinki()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without tzdata: Finnish standard time is close enough for a date.
            return TimeZoneInfo.CreateCustomTimeZone("Finland", TimeSpan.FromHours(2), "Finland", "Finland");
        }
    }
}
