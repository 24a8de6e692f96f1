using Microsoft.Extensions.Logging;

namespace PatientForum.Tests.Infrastructure;

/// <summary>Keeps every log line the app writes at Information or above, so tests can check what reaches the logs.</summary>
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

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var line = $"{logLevel} {category}: {formatter(state, exception)} {exception}";
            lock (owner._lines)
            {
                owner._lines.Add(line);
            }
        }
    }
}
