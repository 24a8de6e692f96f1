using Microsoft.Extensions.Logging;

namespace PatientForum.Tests.Infrastructure;

/// <summary>
/// Keeps every log line the app writes at Information or above, so tests can check what reaches the logs, and
/// writes every line at any level the forum is configured for to the run's log (see <see cref="TestRunLog"/>).
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => TestRunLog.Flush();

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // The configured levels (TestRunLog.LogLevels) decide what reaches this logger.
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)} {exception}";
            TestRunLog.Write(line);
            if (logLevel < LogLevel.Information)
            {
                return;
            }
            lock (owner._lines)
            {
                owner._lines.Add(line);
            }
        }
    }
}
