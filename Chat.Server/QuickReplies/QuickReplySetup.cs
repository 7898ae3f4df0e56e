namespace Chat.Server.QuickReplies;

// Quick replies: coordinators keep them at /staff/quick-replies, counsellors read them over the staff hub.
public static class QuickReplySetup
{
    public static IServiceCollection AddQuickReplies(this IServiceCollection services) => services.AddSingleton<QuickReplyStore>();
}
