using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The audit log's actor may be empty: a role changed from the command line has nobody signed in behind it.
    /// </summary>
    /// <remarks>
    /// SQLite cannot change a column in place, so the table is rebuilt here by hand rather than by AlterColumn: EF's
    /// own rebuild runs after every Sql call of the migration and drops the table's triggers, and the append-only
    /// triggers (see InitialCreate) must come back on the new table. The rebuild runs in the migration's
    /// transaction; no other table refers to this one, so foreign keys need not be switched off.
    /// </remarks>
    public partial class CommandLineAuditActor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, actorColumn: "\"ActorId\" TEXT NULL");

        /// <inheritdoc />
        /// <remarks>Fails, and changes nothing, while the log holds an entry made from the command line.</remarks>
        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, actorColumn: "\"ActorId\" TEXT NOT NULL");

        private static void Rebuild(MigrationBuilder migrationBuilder, string actorColumn)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE "ef_temp_ModerationActions" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_ModerationActions" PRIMARY KEY AUTOINCREMENT,
                    {actorColumn},
                    "CreatedAt" TEXT NOT NULL,
                    "Details" TEXT NULL,
                    "Kind" INTEGER NOT NULL,
                    "PostId" INTEGER NULL,
                    "Reason" TEXT NULL,
                    "TargetUserId" TEXT NULL,
                    "ThreadId" INTEGER NULL,
                    CONSTRAINT "FK_ModerationActions_AspNetUsers_ActorId" FOREIGN KEY ("ActorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_ModerationActions_AspNetUsers_TargetUserId" FOREIGN KEY ("TargetUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
                );
                INSERT INTO "ef_temp_ModerationActions" ("Id", "ActorId", "CreatedAt", "Details", "Kind", "PostId", "Reason", "TargetUserId", "ThreadId")
                SELECT "Id", "ActorId", "CreatedAt", "Details", "Kind", "PostId", "Reason", "TargetUserId", "ThreadId"
                FROM "ModerationActions";
                DROP TABLE "ModerationActions";
                ALTER TABLE "ef_temp_ModerationActions" RENAME TO "ModerationActions";
                CREATE INDEX "IX_ModerationActions_ActorId" ON "ModerationActions" ("ActorId");
                CREATE INDEX "IX_ModerationActions_CreatedAt" ON "ModerationActions" ("CreatedAt");
                CREATE INDEX "IX_ModerationActions_TargetUserId" ON "ModerationActions" ("TargetUserId");
                CREATE TRIGGER ModerationActions_NoUpdate BEFORE UPDATE ON ModerationActions BEGIN SELECT RAISE(ABORT, 'audit log entries cannot be changed'); END;
                CREATE TRIGGER ModerationActions_NoDelete BEFORE DELETE ON ModerationActions BEGIN SELECT RAISE(ABORT, 'audit log entries cannot be deleted'); END;
                """);
        }
    }
}
