using Chat.Client.Texts;
using Chat.Server.Content;
using Chat.Server.Conversations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Server.Staff;

// ClientMessageId: optional; with one, sending again stores nothing new (as for Send).
public sealed record SendPageRequest(string? ConversationId, string? Language, string? Slug, string? ClientMessageId = null);
public sealed record HelpPageSummary(string Language, string Slug, string Title);

// Help pages in the chat: the published pages to choose from, and sending one as a card the young person can open.
public sealed partial class StaffHub
{
    // HelpPages comes as a method parameter, so the hub's constructor (shared by every feature) stays as it is.
    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<SendResult>> SendPage(SendPageRequest? request, [FromServices] HelpPages pages, [FromServices] TextCatalog texts)
    {
        var id = TextRules.ConversationId(request?.ConversationId);
        var language = pages.Language(request?.Language);
        // "Where else you can turn" is made from the directory: always there, never stored.
        var whereElse = request?.Slug == WhereElse.SlugFor(texts.For(language));
        var slug = whereElse ? request!.Slug! : HelpPages.Slug(request?.Slug);
        var clientMessageId = request?.ClientMessageId is null ? Guid.NewGuid().ToString("N") : TextRules.ClientMessageId(request.ClientMessageId);
        var title = whereElse ? texts.For(language)["whereElse.title"]
            : (await pages.Published(language, slug) ?? throw HelpPages.UnknownPage()).Title;
        var appended = await store.AppendPage(id, Me, MyName, clientMessageId, $"{language}/{slug}", title, await MyServiceName());
        if (appended.IsNew) await relay.Message(id, appended.YouthConnection, appended.Audience, appended.Message);
        return Reply.Ok(new SendResult(appended.Message.Seq));
    }

    // Every published page in every language, by address then language, and "where else you can turn".
    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<IReadOnlyList<HelpPageSummary>>> Pages([FromServices] HelpPages pages, [FromServices] TextCatalog texts)
    {
        var published = await Task.WhenAll((await pages.All()).Select(p => pages.Published(p.Language, p.Slug)));
        var whereElse = texts.Offered.Select(l => new HelpPageSummary(l.Code, WhereElse.SlugFor(l), l["whereElse.title"]));
        return Reply.Ok<IReadOnlyList<HelpPageSummary>>(
            published.OfType<PublishedPage>().Select(p => new HelpPageSummary(p.Language, p.Slug, p.Title)).Concat(whereElse).ToList());
    }
}
