namespace Chat.Server.QuickReplies;

// One quick reply a coordinator wrote: the label counsellors pick it by, and the text it puts in the message box.
// Language: a vocabulary code (sv, en, ar), the language the counsellor chats in.
public sealed record QuickReply(string Language, string Label, string Text);

// A problem with one field of the form ("label3", "text0", "form"), by its stable code.
public sealed record QuickReplyProblem(string Field, string Code);
