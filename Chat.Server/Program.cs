using Chat.Client.Components;
using Chat.Server.Content;
using Chat.Server.Conversations;
using Chat.Server.Dashboard;
using Chat.Server.Handover;
using Chat.Server.Languages;
using Chat.Server.Opening;
using Chat.Server.Privacy;
using Chat.Server.QuickReplies;
using Chat.Server.ScaleOut;
using Chat.Server.Staff;
using Chat.Server.Stats;
using Chat.Server.Storage;

var builder = WebApplication.CreateBuilder(args);
// Serve Chat.Client's scripts and styles from the build output in every environment, not only Development.
// appsettings.json sets ReloadStaticAssetsAtRuntime to false: with it on (the default for a build, which ops/run.sh
// runs), MapStaticAssets sends every asset no-cache and re-gzips it without compression.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddStorage();
builder.Services.AddLanguages();
builder.Services.AddScaleOut();
builder.Services.AddConversations();
builder.Services.AddStaff();
builder.Services.AddDirectory();
builder.Services.AddHandover();
builder.Services.AddContent();
builder.Services.AddDashboard();
builder.Services.AddOpening();
builder.Services.AddQuickReplies();
builder.Services.AddPrivacy();
builder.Services.AddYouthPageCompression();
builder.Services.AddRazorComponents();

var app = builder.Build();

app.UseConnectionCap();
app.UseClientAddress();
app.UseSecurityHeaders();
app.UseYouthPageCompression();
app.UseOriginCheck();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealth();
app.MapStaff();
app.MapConversations();
app.MapOpening();
app.MapHelpArticles();
app.MapHelpPages();
app.MapPageExport();
app.MapStats();
app.MapRazorComponents<App>().AddAdditionalAssemblies(typeof(Program).Assembly);

app.Run();

public partial class Program;
