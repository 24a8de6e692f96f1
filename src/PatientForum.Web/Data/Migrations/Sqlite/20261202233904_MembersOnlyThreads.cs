using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MembersOnlyThreads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MembersOnly",
                table: "Topics",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Audience",
                table: "Threads",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ReadingAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    WindowStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reads = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadingAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReadingAlerts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_TopicId_IsHidden_Audience_IsPinned_LastActivityAt",
                table: "Threads",
                columns: new[] { "TopicId", "IsHidden", "Audience", "IsPinned", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReadingAlerts_CreatedAt",
                table: "ReadingAlerts",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReadingAlerts_UserId_WindowStart",
                table: "ReadingAlerts",
                columns: new[] { "UserId", "WindowStart" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReadingAlerts");

            migrationBuilder.DropIndex(
                name: "IX_Threads_TopicId_IsHidden_Audience_IsPinned_LastActivityAt",
                table: "Threads");

            // SQLite's own DROP COLUMN, not EF's table rebuild, which would drop the triggers and keys that hang on these tables.
            migrationBuilder.Sql("ALTER TABLE \"Topics\" DROP COLUMN \"MembersOnly\";");
            migrationBuilder.Sql("ALTER TABLE \"Threads\" DROP COLUMN \"Audience\";");
        }
    }
}
