namespace Chat.Server.Staff;

public sealed class StaffOptions
{
    // Where the one-time code for creating the first admin is written (never to the log).
    public string SetupCodeFile { get; set; } = ".chat-data/setup-code.txt";

    // How long a sign-in lasts, from the moment of signing in: a shift. It does not slide with use.
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    // How often a node asks Redis whether the sessions of its open staff hub connections still stand, besides
    // hearing of ended sessions at once over pub/sub: a missed message (a reconnect, a failover) is caught by then.
    public TimeSpan SessionCheckEvery { get; set; } = TimeSpan.FromSeconds(30);
}

// After MaxFailures wrong sign-ins for one user name within Window, that name is refused for Lockout, even with the
// right password. Counted per user name (as a SHA-256), whether or not the account exists.
public sealed class SignInLockoutOptions
{
    public int MaxFailures { get; set; } = 5;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);
}
