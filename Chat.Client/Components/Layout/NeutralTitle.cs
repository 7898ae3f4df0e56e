namespace Chat.Client.Components.Layout;

// The title of every page a young person sees: the chat and the help pages alike, in every language. A tab, the
// list of open tabs and the browser's history show it to whoever picks up the phone, so it must say nothing about
// what the page is. "Stödchatten", "Chatt" or a page's own heading ("Om du är i fara nu") would each be a hint;
// a word that every other site uses says nothing, and one title for all pages does not even tell them apart.
public static class NeutralTitle
{
    public const string Text = "Information";
}
