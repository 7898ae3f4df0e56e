namespace Chat.Server.Content;

// The few words the reading pages say around what coordinators wrote, in the page's language.
// A configured language without its own words here gets the English ones.
public sealed record HelpWords(
    string Language,
    string LanguageName,
    string QuickExit,
    string AllPages,
    string OtherLanguages,
    string IndexTitle,
    string ChatHeading,
    string ChatOpen,
    string ChatClosed,
    string StartChat,
    string ToChat,
    string WhereElseTitle,
    string WhereElseIntro,
    string Offers,
    string ForWhom,
    string Ages,
    string OnlyWhen,
    string Contact,
    string Hours,
    string Call112,
    string Closed,
    string AroundTheClock)
{
    public const string SiteName = "Stödchatten";

    public static readonly HelpWords Swedish = new(
        Language: "sv",
        LanguageName: "Svenska",
        QuickExit: "Lämna sidan snabbt",
        AllPages: "Alla sidor",
        OtherLanguages: "Sidan på andra språk",
        IndexTitle: "Sidor att läsa",
        ChatHeading: "Vill du prata med någon?",
        ChatOpen: "Chatten är öppen nu. Du behöver inte säga vem du är.",
        ChatClosed: "Chatten är stängd just nu. Är du i fara, ring 112.",
        StartChat: "Starta en chatt",
        ToChat: "Till chatten",
        WhereElseTitle: "Vart kan jag vända mig?",
        WhereElseIntro: "Här finns ställen som kan hjälpa dig, utöver chatten.",
        Offers: "Det här gör de",
        ForWhom: "För vem",
        Ages: "Ålder",
        OnlyWhen: "Bara när",
        Contact: "Kontakt",
        Hours: "Öppet",
        Call112: "Ring 112",
        Closed: "stängt",
        AroundTheClock: "dygnet runt");

    public static readonly HelpWords English = new(
        Language: "en",
        LanguageName: "English",
        QuickExit: "Leave this page quickly",
        AllPages: "All pages",
        OtherLanguages: "This page in other languages",
        IndexTitle: "Pages to read",
        ChatHeading: "Do you want to talk to someone?",
        ChatOpen: "The chat is open now. You do not have to say who you are.",
        ChatClosed: "The chat is closed right now. If you are in danger, call 112.",
        StartChat: "Start a chat",
        ToChat: "Go to the chat",
        WhereElseTitle: "Where else can I turn?",
        WhereElseIntro: "Places that can help you, besides this chat. The services describe themselves in Swedish.",
        Offers: "What they do",
        ForWhom: "For whom",
        Ages: "Age",
        OnlyWhen: "Only when",
        Contact: "Contact",
        Hours: "Open",
        Call112: "Call 112",
        Closed: "closed",
        AroundTheClock: "around the clock");

    public static readonly HelpWords Arabic = new(
        Language: "ar",
        LanguageName: "العربية",
        QuickExit: "مغادرة الصفحة بسرعة",
        AllPages: "كل الصفحات",
        OtherLanguages: "هذه الصفحة بلغات أخرى",
        IndexTitle: "صفحات للقراءة",
        ChatHeading: "هل تريد التحدث مع أحد؟",
        ChatOpen: "الدردشة مفتوحة الآن. لا تحتاج أن تقول من أنت.",
        ChatClosed: "الدردشة مغلقة الآن. إذا كنت في خطر، اتصل بالرقم 112.",
        StartChat: "ابدأ دردشة",
        ToChat: "إلى الدردشة",
        WhereElseTitle: "إلى أين يمكنني التوجه أيضًا؟",
        WhereElseIntro: "أماكن يمكنها مساعدتك إلى جانب هذه الدردشة. وصف الخدمات مكتوب باللغة السويدية.",
        Offers: "ماذا يقدمون",
        ForWhom: "لمن",
        Ages: "العمر",
        OnlyWhen: "فقط عندما",
        Contact: "التواصل",
        Hours: "ساعات العمل",
        Call112: "اتصل بالرقم 112",
        Closed: "مغلق",
        AroundTheClock: "على مدار الساعة");

    public static HelpWords For(string language) => language switch
    {
        "sv" => Swedish,
        "ar" => Arabic,
        _ => English,
    };

    // Ages in words, e.g. "10–21 år", "18 and over"; null when there is no limit.
    public string? AgeRange(int? min, int? max) => (Language, min ?? 0, max) switch
    {
        (_, 0, null) => null,
        ("sv", var from, null) => $"från {from} år",
        ("sv", 0, { } to) => $"upp till {to} år",
        ("sv", var from, { } to) => $"{from}–{to} år",
        ("ar", var from, null) => $"{from} سنة فأكثر",
        ("ar", 0, { } to) => $"حتى {to} سنة",
        ("ar", var from, { } to) => $"{from}–{to} سنة",
        (_, var from, null) => $"{from} and over",
        (_, 0, { } to) => $"up to {to}",
        (_, var from, { } to) => $"{from}–{to}",
    };
}
