using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Audience",
                table: "Threads",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ReadingAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    WindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reads = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.DropColumn(
                name: "MembersOnly",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "Audience",
                table: "Threads");
        }
    }
}
