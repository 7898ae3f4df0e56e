using Chat.Server.Conversations;
using Chat.Server.Privacy;
using FsCheck;
using FsCheck.Fluent;

namespace Chat.Tests.Unit;

// What looks like it says who a young person is, and what does not.
public sealed class PersonalDetailsTests
{
    private const string Id = PersonalDetails.IdentityNumber, Phone = PersonalDetails.Phone,
        Email = PersonalDetails.Email, Address = PersonalDetails.Address;

    // The corpus the browser's detector must agree with (PersonalDetailsAgreementTests).
    public static readonly (string Text, string[] Kinds)[] Corpus =
    [
        ("hej, jag mår inte bra", []),
        ("jag är 15 år och går i nian", []),
        ("det hände 2024-05-01 kl 14.30", []),
        ("han är 19 och jag är 14", []),
        ("det kostade 1 500 kr", []),
        ("850709-9805", [Id]),
        ("mitt personnummer är 8507099805", [Id]),
        ("19850709-9805", [Id]),
        ("198507099805", [Id]),
        ("850709+9805", [Id]),
        ("850709 9805", [Id]),
        ("850709-9806", []),                       // Luhn fails
        ("851309-9805", []),                       // month 13
        ("850769-9802", [Id]),                     // samordningsnummer: day 9 + 60
        ("050709-1234", [Phone]),                  // not Luhn-valid, so only the number it might be
        ("ring mig på 070-123 45 67", [Phone]),
        ("0701234567", [Phone]),
        ("08-123 456 78", [Phone]),
        ("+46 70 123 45 67", [Phone]),
        ("+46 (0)70 123 45 67", [Phone]),
        ("0046701234567", [Phone]),
        ("+1 415 555 2671", [Phone]),
        ("jag är 15 och 0701234567", [Phone]),
        ("070 12 34", []),                         // too short
        ("skriv till mig på lisa.andersson@gmail.com", [Email]),
        ("A_B+c@skolan.stockholm.se", [Email]),
        ("@lisa på insta", []),
        ("jag bor på Storgatan 12", [Address]),
        ("Kungsvägen 3B", [Address]),
        ("kungsvägen 3 b", [Address]),
        ("Ringvägen 7 A, lgh 1101", [Address]),
        ("Drottninggatan 45", [Address]),
        ("Gamla torget 3", []),                   // a known miss: a name in two words, the last one only an ending
        ("Stortorget 3", [Address]),
        ("vi gick längs gatan 3 gånger", []),
        ("Storgatan", []),
        ("jag bor på Storgatan 12, 070-123 45 67, lisa@example.se, 850709-9805", [Id, Phone, Email, Address]),
    ];

    public static TheoryData<string, string[]> Cases()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var (text, kinds) in Corpus) data.Add(text, kinds);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachTextIsFoundAsTheKindsItLooksLike(string text, string[] kinds) =>
        Assert.Equal(kinds, PersonalDetails.Find(text));

    [Fact]
    public void TheHubRefusesPersonalDetailsUntilConfirmedAndNamesTheKinds()
    {
        var refusal = Assert.Throws<ChatError>(() => PersonalDetails.RequireConsent("070-123 45 67 eller a@b.se", confirmed: false));
        Assert.Equal("looks-personal", refusal.Code);
        Assert.Contains("phone, email", refusal.Message);
        PersonalDetails.RequireConsent("070-123 45 67", confirmed: true);
        PersonalDetails.RequireConsent("hej", confirmed: false);
    }

    // Any valid date, any serial; with or without century and separator.
    public static Gen<(string Text, bool Valid)> IdentityNumbers =>
        from year in Gen.Choose(1900, 2025)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from coordination in Gen.Elements(0, 60)
        from serial in Gen.Choose(0, 999)
        from check in Gen.Choose(0, 9)
        from century in Gen.Elements(true, false)
        from separator in Gen.Elements("", "-", "+", " ")
        let nine = $"{year % 100:00}{month:00}{day + coordination:00}{serial:000}"
        let text = (century ? $"{year / 100}" : "") + nine[..6] + separator + nine[6..] + check
        select (text, PersonalDetails.Luhn(nine + check));

    [Fact]
    public void LuhnValidIdentityNumbersAreFoundAndInvalidOnesAreNot() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(Arb.From(IdentityNumbers), number =>
            PersonalDetails.Find($"jag heter inget men {number.Text} är mitt nummer").Contains(Id) == number.Valid));

    [Fact]
    public void ExactlyOneCheckDigitOfTenMakesANumberValid()
    {
        var valid = Enumerable.Range(0, 10).Count(d => PersonalDetails.Luhn($"850709980{d}"));
        Assert.Equal(1, valid);
        Assert.True(PersonalDetails.Luhn("8507099805"));
    }
}
