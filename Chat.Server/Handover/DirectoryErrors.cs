using Chat.Client.Texts;

namespace Chat.Server.Handover;

// The refusal codes of the directory in the coordinators' language (the staff's), shown beside the field they concern.
public static class DirectoryErrors
{
    public static string Describe(Language words, string code) => code switch
    {
        "invalid-service-name" => words.Format("directory.error.invalid-service-name", ("max", ServiceRules.MaxNameLength)),
        "invalid-service-id" => words["directory.error.invalid-service-id"],
        "invalid-offers" or "invalid-for-whom" or "invalid-condition" => words.Format("directory.error.invalid-text", ("max", ServiceRules.MaxTextLength)),
        "invalid-contact" => words.Format("directory.error.invalid-contact", ("max", ServiceRules.MaxContactLength)),
        "invalid-age" => words.Format("directory.error.invalid-age", ("max", ServiceRules.MaxAge)),
        "invalid-age-range" => words["directory.error.invalid-age-range"],
        "invalid-topic" => words["directory.error.invalid-topic"],
        "invalid-language" => words["directory.error.invalid-language"],
        "invalid-hours" => words["directory.error.invalid-hours"],
        "invalid-receives" => words["directory.error.invalid-receives"],
        "service-exists" => words["directory.error.service-exists"],
        "unknown-service" => words["directory.error.unknown-service"],
        "unavailable" => words["directory.error.unavailable"],
        _ => words["directory.error.fallback"],
    };
}
