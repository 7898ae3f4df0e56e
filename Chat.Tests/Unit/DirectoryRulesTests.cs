using Chat.Server.Conversations;
using Chat.Server.Handover;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Chat.Tests.Unit;

// What a directory entry must be before it is stored, and how the coordinators' form maps onto it.
public sealed class DirectoryRulesTests
{
    private static readonly PartnerService Kast = DirectorySeed.Load().Single(s => s.Id == "kast");

    private static IReadOnlyList<string> Codes(PartnerService service) => ServiceRules.Check(service).Problems.Select(p => p.Code).ToList();

    [Theory]
    [InlineData("Stödcentrum", "stodcentrum")]
    [InlineData("Män — samtalsmottagning", "man-samtalsmottagning")]
    [InlineData("Välj att sluta", "valj-att-sluta")]
    [InlineData("112", "112")]
    [InlineData("  Talita!  ", "talita")]
    [InlineData("New", "new-1")]
    [InlineData("العربية", "")]
    public void ANewServicesIdComesFromItsName(string name, string id) => Assert.Equal(id, ServiceRules.Slug(name));

    [Fact]
    public void ALongNameGivesAnIdOfAtMostFortyCharacters()
    {
        var id = ServiceRules.Slug("Regionkoordinatorer mot prostitution och människohandel");
        Assert.True(ServiceRules.IsId(id));
        Assert.Equal("regionkoordinatorer-mot-prostitution-och", id);
    }

    [Fact]
    public void EveryFieldIsCheckedAndEachProblemHasItsOwnCode()
    {
        var bad = Kast with
        {
            Id = "Bad Id", Name = "", Offers = new string('x', 1001), ForWhom = "a\u0000b", Contact = new string('x', 501),
            OnlyWhen = new string('x', 1001), MinAge = 30, MaxAge = 20, Topics = ["gambling"], Languages = ["fi"],
            Receives = (HandoverMode)7,
        };
        Assert.Equal(
            ["invalid-service-id", "invalid-service-name", "invalid-offers", "invalid-for-whom", "invalid-contact", "invalid-condition",
             "invalid-age-range", "invalid-topic", "invalid-language", "invalid-receives"],
            Codes(bad));
        Assert.Equal(["invalid-age", "invalid-age"], Codes(Kast with { MinAge = -1, MaxAge = 100 }));
        Assert.Equal("invalid-service-name", Assert.Throws<ChatError>(() => ServiceRules.Valid(Kast with { Name = "två\nrader" })).Code);
    }

    [Fact]
    public void AStoredServiceHasTrimmedTextsAndCodesInVocabularyOrder()
    {
        var stored = ServiceRules.Valid(Kast with
        {
            Name = "  KAST  ", Contact = " Ring\r\n08-000 ", OnlyWhen = "   ",
            Topics = ["worried-about-friend", "own-behaviour", "own-behaviour"], Languages = ["ar", "sv"],
        });
        Assert.Equal(("KAST", "Ring\n08-000", null), (stored.Name, stored.Contact, stored.OnlyWhen));
        Assert.Equal(["own-behaviour", "worried-about-friend"], stored.Topics);
        Assert.Equal(["sv", "ar"], stored.Languages);
    }

    [Fact]
    public void TheFormShowsAServiceAndGivesItBackUnchanged()
    {
        var service = Kast with
        {
            Hours = WeeklyHours.Parse(["08:00-17:00", "closed", "00:00-24:00", "18:00-24:00", "closed", "closed", "10:00-12:30"]),
            Receives = HandoverMode.Live, Contact = "Ring 08-000 00 00", Languages = ["sv", "en"],
        };
        var form = ServiceForm.From(service);
        Assert.Equal(new ServiceForm.DayRow("open", "18:00", "00:00"), form.Days[3]);
        Assert.Equal(new ServiceForm.DayRow("always", "", ""), form.Days[2]);

        var (back, problems) = ServiceForm.Read(new FormCollection(Posted(form))).ToService("kast");
        Assert.Empty(problems);
        Assert.Equal(service.ToJson(), back.ToJson());
    }

    [Fact]
    public void FormProblemsSitBesideTheirFieldsInPageOrder()
    {
        var posted = Posted(ServiceForm.From(Kast));
        posted["name"] = "";
        posted["minAge"] = "arton";
        posted["hoursKnown"] = "yes";
        posted["day1"] = "open";
        posted["from1"] = "17:00";
        posted["to1"] = "08:00";
        posted["topics"] = new StringValues(["own-behaviour", "gambling"]);

        var (_, problems) = ServiceForm.Read(new FormCollection(posted)).ToService("kast");

        Assert.Equal([("name", "invalid-service-name"), ("minAge", "invalid-age"), ("topics", "invalid-topic"), ("day1", "invalid-hours")],
            problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void UnknownHoursIgnoreTheRows()
    {
        var posted = Posted(ServiceForm.From(Kast));
        posted["hoursKnown"] = "no";
        posted["day0"] = "open"; // with no times: would be refused if the rows counted
        var (service, problems) = ServiceForm.Read(new FormCollection(posted)).ToService("kast");
        Assert.Empty(problems);
        Assert.False(service.Hours.IsKnown);
    }

    // What a browser would post for this form.
    private static Dictionary<string, StringValues> Posted(ServiceForm form)
    {
        var fields = new Dictionary<string, StringValues>
        {
            ["name"] = form.Name, ["offers"] = form.Offers, ["forWhom"] = form.ForWhom, ["minAge"] = form.MinAge, ["maxAge"] = form.MaxAge,
            ["topics"] = new StringValues([.. form.Topics]), ["languages"] = new StringValues([.. form.Languages]),
            ["hoursKnown"] = form.HoursKnown ? "yes" : "no", ["receives"] = form.Receives, ["onlyWhen"] = form.OnlyWhen, ["contact"] = form.Contact,
        };
        for (var i = 0; i < 7; i++)
        {
            fields[$"day{i}"] = form.Days[i].Mode;
            fields[$"from{i}"] = form.Days[i].From;
            fields[$"to{i}"] = form.Days[i].To;
        }
        return fields;
    }
}
