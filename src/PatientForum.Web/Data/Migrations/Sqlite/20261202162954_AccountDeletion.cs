using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountDeletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedByAuthorAt",
                table: "Posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RemovedContent",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentId = table.Column<int>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemovedContent", x => new { x.Kind, x.ContentId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RemovedContent");

            // SQLite's own DROP COLUMN, not EF's table rebuild: rebuilding Posts would drop the search index's triggers on it.
            migrationBuilder.Sql("ALTER TABLE \"Posts\" DROP COLUMN \"DeletedByAuthorAt\";");
            migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"DeletedAt\";");
        }
    }
}
