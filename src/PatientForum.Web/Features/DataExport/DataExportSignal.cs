using PatientForum.Web.Infrastructure;

namespace PatientForum.Web.Features.DataExport;

/// <summary>Wakes the <see cref="DataExportWorker"/> when an export is asked for; tests wait on it for the file.</summary>
public sealed class DataExportSignal : WorkerSignal;
