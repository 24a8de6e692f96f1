using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SafetyHoldAndPostAnyway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PostedAnywayKinds",
                table: "Posts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF's table rebuild, which would drop the triggers and keys that hang on Posts.
            migrationBuilder.Sql("ALTER TABLE \"Posts\" DROP COLUMN \"PostedAnywayKinds\";");
        }
    }
}
